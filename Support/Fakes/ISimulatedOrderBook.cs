using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Support.Drivers;

namespace TradingBot.Acceptance.Support.Fakes;

/// <summary>The orders an HTTP broker simulator keeps, as scenarios fill them and read them back, whichever broker it plays.</summary>
public interface ISimulatedOrderBook
{
    /// <summary>The order fills in full, for the quantity the bot ordered, at <paramref name="price"/>.</summary>
    void Fill(string orderId, Usd price);

    /// <summary><paramref name="filledSoFar"/> of the order has filled; it stays open.</summary>
    void FillPartially(string orderId, FractionalShares filledSoFar);

    /// <summary>Every order the broker accepted, as the bot sent it, in the order it arrived.</summary>
    IReadOnlyList<BrokerOrder> Received();
}
