namespace TradingBot.Acceptance.Domain.Execution;

/// <summary>The id the bot gives an order (a UUID made at placement), sent to the broker so a retry is recognised.</summary>
public readonly record struct ClientOrderId(Guid Value)
{
    public override string ToString() => Value.ToString("D");
}
