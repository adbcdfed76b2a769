namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>One row of the event log, in global (rowid) order.</summary>
public sealed record RecordedEvent(
    long GlobalPosition,
    string AggregateType,
    string AggregateId,
    long Sequence,
    string EventType,
    string Payload)
{
    /// <summary>The event's own name: <c>OnChainOrderFilled</c> for <c>PositionEvent::OnChainOrderFilled</c>.</summary>
    public string EventName => EventType[(EventType.IndexOf("::", StringComparison.Ordinal) + 2)..];
}
