using TradingBot.Acceptance.Domain.Chain;

namespace TradingBot.Acceptance.Support.Chain;

/// <summary>A mined block of the simulated chain; <see cref="Logs"/> loses the logs a reorg took back.</summary>
public sealed record SimulatedBlock(long Number, string Hash, string ParentHash, long Timestamp, List<ChainLog> Logs);
