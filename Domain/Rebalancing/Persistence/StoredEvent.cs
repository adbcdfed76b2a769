namespace TradingBot.Acceptance.Domain.Rebalancing.Persistence;

/// <summary>One row of the event log as it is stored: names and JSON, no CLR types.</summary>
public sealed record StoredEvent(string AggregateType, string AggregateId, long Sequence, string EventType, string Payload);
