using System.Globalization;

namespace TradingBot.Acceptance.Domain.Finance;

/// <summary>Numbers one hedge attempt: 1, 2, 3… per database.</summary>
public readonly record struct ExecutionId
{
    public ExecutionId(long value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(value));
        Value = value;
    }

    public long Value { get; }

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
