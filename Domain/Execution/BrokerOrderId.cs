namespace TradingBot.Acceptance.Domain.Execution;

/// <summary>The broker's own id of an order, as text.</summary>
public readonly record struct BrokerOrderId
{
    public BrokerOrderId(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    public string Value { get; }

    public override string ToString() => Value;
}
