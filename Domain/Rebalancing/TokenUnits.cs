using System.Numerics;

namespace TradingBot.Acceptance.Domain.Rebalancing;

/// <summary>
/// Conversions between decimal amounts and ERC-20 base units: USDC has 6 decimals (truncated),
/// tokenized equities 18 (exact or an error).
/// </summary>
public static class TokenUnits
{
    public const int UsdcDecimals = 6;
    public const int EquityDecimals = 18;

    /// <summary>USDC amount × 10^6, truncated toward zero; a negative amount is an error.</summary>
    public static (BigInteger Units, TokenUnitsError? Error) FromUsdc(decimal amount)
    {
        if (amount < 0m)
            return (BigInteger.Zero, new TokenUnitsError.Negative(amount));
        return (new BigInteger(decimal.Truncate(amount * 1_000_000m)), null);
    }

    /// <summary>Shares × 10^18: exact, or Underflow / PrecisionLoss / Negative.</summary>
    public static (BigInteger Units, TokenUnitsError? Error) FromShares(decimal shares)
    {
        if (shares < 0m)
            return (BigInteger.Zero, new TokenUnitsError.Negative(shares));
        if (shares == 0m)
            return (BigInteger.Zero, null);
        var whole = decimal.Truncate(shares);
        var fraction = shares - whole;
        // 10^18 × fraction stays inside decimal's range because fraction < 1.
        var fractionUnits = fraction * 1_000_000_000_000_000_000m;
        var truncatedFraction = decimal.Truncate(fractionUnits);
        var units = new BigInteger(whole) * BigInteger.Pow(10, EquityDecimals) + new BigInteger(truncatedFraction);
        if (units.IsZero)
            return (BigInteger.Zero, new TokenUnitsError.Underflow(shares));
        if (truncatedFraction != fractionUnits)
            return (BigInteger.Zero, new TokenUnitsError.PrecisionLoss(shares, EquityDecimals));
        return (units, null);
    }

    /// <summary>Base units back to a USDC amount, normalized (no trailing zeros).</summary>
    public static decimal ToUsdc(BigInteger units) => Normalize((decimal)units / 1_000_000m);

    /// <summary>Drops trailing zeros: 400.0 → 400, 399.960000 → 399.96.</summary>
    public static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;
}
