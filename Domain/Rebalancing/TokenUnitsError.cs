namespace TradingBot.Acceptance.Domain.Rebalancing;

/// <summary>Why an amount cannot become token base units.</summary>
public abstract record TokenUnitsError
{
    private TokenUnitsError() { }

    public sealed record Negative(decimal Amount) : TokenUnitsError;

    /// <summary>A non-zero amount so small that it truncates to zero units.</summary>
    public sealed record Underflow(decimal Amount) : TokenUnitsError;

    /// <summary>More decimals than the token has: truncating would silently lose part of the amount.</summary>
    public sealed record PrecisionLoss(decimal Amount, int Decimals) : TokenUnitsError;
}
