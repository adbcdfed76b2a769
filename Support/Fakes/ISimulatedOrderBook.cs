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

    /// <summary>The order ends canceled with <paramref name="filled"/> of it filled (at <paramref name="avgPrice"/> when some did).</summary>
    void Cancel(string orderId, FractionalShares filled, Usd? avgPrice);

    /// <summary>From now on every status request gets a server error: the bot cannot tell what became of its orders.</summary>
    void StopAnsweringStatusRequests();

    /// <summary>From now on every cancel request gets a server error.</summary>
    void NeverAnswerCancels();

    /// <summary>The broker order ids of the cancel requests received, one per request, in the order they arrived.</summary>
    IReadOnlyList<string> CancelRequests();

    /// <summary>Every order the broker accepted, as the bot sent it, in the order it arrived.</summary>
    IReadOnlyList<BrokerOrder> Received();
}
