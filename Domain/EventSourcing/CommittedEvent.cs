namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>One event after its transaction committed, as reactors (the rebalancing trigger) see it.</summary>
public sealed record CommittedEvent(string AggregateType, string AggregateId, long Sequence, string EventType, object Event);
