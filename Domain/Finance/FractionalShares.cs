using System.Globalization;

namespace TradingBot.Acceptance.Domain.Finance;

/// <summary>A signed number of shares; fractions are allowed (only Schwab trades whole shares).</summary>
public readonly record struct FractionalShares(decimal Value) : IComparable<FractionalShares>
{
    public static readonly FractionalShares Zero = new(0m);

    public FractionalShares Abs() => new(Math.Abs(Value));

    /// <summary>Whole shares toward zero, as Schwab needs them.</summary>
    public FractionalShares TruncateToWholeShares() => new(decimal.Truncate(Value));

    public bool IsZero => Value == 0m;

    public static FractionalShares operator +(FractionalShares left, FractionalShares right) => new(checked(left.Value + right.Value));
    public static FractionalShares operator -(FractionalShares left, FractionalShares right) => new(checked(left.Value - right.Value));
    public static FractionalShares operator -(FractionalShares shares) => new(-shares.Value);
    public static bool operator <(FractionalShares left, FractionalShares right) => left.Value < right.Value;
    public static bool operator >(FractionalShares left, FractionalShares right) => left.Value > right.Value;
    public static bool operator <=(FractionalShares left, FractionalShares right) => left.Value <= right.Value;
    public static bool operator >=(FractionalShares left, FractionalShares right) => left.Value >= right.Value;

    public int CompareTo(FractionalShares other) => Value.CompareTo(other.Value);

    public static FractionalShares Parse(string text) =>
        new(decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));

    /// <summary>The value with its own scale, invariant culture, no exponent: "1.2", "100", "1.0".</summary>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
