using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.Positions;

/// <summary>The exposure needed before hedging: a number of shares, or a dollar value at the last price.</summary>
public abstract record ExecutionThreshold
{
    private ExecutionThreshold() { }

    public sealed record Shares(FractionalShares Count) : ExecutionThreshold;

    public sealed record DollarValue(Usd Amount) : ExecutionThreshold;

    /// <summary>
    /// The executor fixes the kind: Schwab and DryRun count shares (<paramref name="shares"/>, 1 by
    /// default); the Alpaca APIs need $2 (Alpaca's $1 fractional minimum plus a buffer).
    /// </summary>
    public static ExecutionThreshold ForExecutor(SupportedExecutor executor, decimal shares = 1m)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(shares);
        return executor is SupportedExecutor.AlpacaTradingApi or SupportedExecutor.AlpacaBrokerApi
            ? new DollarValue(new Usd(2m))
            : new Shares(new FractionalShares(shares));
    }

    /// <summary>A dollar threshold, refusing zero (<c>ZeroDollarValue</c>) and negative (<c>NegativeDollarValue</c>) values.</summary>
    public static ExecutionThreshold? TryDollarValue(decimal amount, out string? error)
    {
        error = amount switch
        {
            0m => "ZeroDollarValue",
            < 0m => "NegativeDollarValue",
            _ => null,
        };
        return error is null ? new DollarValue(new Usd(amount)) : null;
    }
}
