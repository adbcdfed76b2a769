namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>Another writer appended to the aggregate first: its sequence number is taken.</summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException(string aggregateType, string aggregateId, long expectedVersion, Exception innerException)
        : base($"Concurrency conflict on {aggregateType}/{aggregateId}: sequence {expectedVersion + 1} is already taken.", innerException)
    {
        AggregateType = aggregateType;
        AggregateId = aggregateId;
    }

    public ConcurrencyConflictException(string aggregateType, string aggregateId, long expectedVersion)
        : base($"Concurrency conflict on {aggregateType}/{aggregateId}: sequence {expectedVersion + 1} is already taken.")
    {
        AggregateType = aggregateType;
        AggregateId = aggregateId;
    }

    public ConcurrencyConflictException() : this("unknown", "unknown", 0, new InvalidOperationException()) { }

    public ConcurrencyConflictException(string message) : base(message) { AggregateType = AggregateId = "unknown"; }

    public ConcurrencyConflictException(string message, Exception innerException)
        : base(message, innerException) { AggregateType = AggregateId = "unknown"; }

    public string AggregateType { get; }

    public string AggregateId { get; }
}
