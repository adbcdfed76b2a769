using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Positions;

namespace TradingBot.Acceptance.Domain.Risk;

/// <summary>The largest order within the order limit, in the shares the broker trades.</summary>
public static class OrderSlice
{
    /// <summary>Decimal places of a broker's quantities: Schwab trades whole shares, the others 9 decimals.</summary>
    public static int Precision(SupportedExecutor broker) => broker == SupportedExecutor.Schwab ? 0 : 9;

    /// <summary>The most shares whose notional at <paramref name="price"/> stays within <paramref name="limit"/>, floored to the broker's precision.</summary>
    public static FractionalShares Within(Usd limit, Usd price, SupportedExecutor broker)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price.Value);
        return new FractionalShares(decimal.Round(limit.Value / price.Value, Precision(broker), MidpointRounding.ToZero));
    }

    /// <summary>Whether a slice is worth an order: more than nothing and at least the broker's threshold.</summary>
    public static bool Tradable(FractionalShares shares, Usd price, ExecutionThreshold threshold) =>
        shares.Value > 0m && threshold switch
        {
            ExecutionThreshold.Shares count => shares >= count.Count,
            ExecutionThreshold.DollarValue dollars => price * shares.Value >= dollars.Amount,
            _ => false,
        };
}
