namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>A chain log to enqueue: its id <c>(tx_hash, log_index)</c>, where it sits in the chain, and its data as JSON.</summary>
public sealed record ChainEvent(string TxHash, long LogIndex, long BlockNumber, DateTimeOffset? BlockTimestamp, string EventData);
