using System.Globalization;

namespace TradingBot.Acceptance.Domain.Finance;

/// <summary>An amount or price in US dollars (or USDC, which the bot counts 1:1).</summary>
public readonly record struct Usd(decimal Value) : IComparable<Usd>
{
    public static Usd operator *(Usd price, decimal factor) => new(checked(price.Value * factor));
    public static bool operator <(Usd left, Usd right) => left.Value < right.Value;
    public static bool operator >(Usd left, Usd right) => left.Value > right.Value;
    public static bool operator <=(Usd left, Usd right) => left.Value <= right.Value;
    public static bool operator >=(Usd left, Usd right) => left.Value >= right.Value;

    public int CompareTo(Usd other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
