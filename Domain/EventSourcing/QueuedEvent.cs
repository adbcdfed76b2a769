namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>A row of <c>event_queue</c>.</summary>
public sealed record QueuedEvent(
    long Id,
    ChainEvent Event,
    bool Processed,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ProcessedAt,
    string? Error);
