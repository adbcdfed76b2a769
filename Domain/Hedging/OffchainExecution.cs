using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.Hedging;

/// <summary>A hedge recorded and ready to be sent to the broker.</summary>
public sealed record OffchainExecution(ExecutionId ExecutionId, Symbol Symbol, FractionalShares Shares, Direction Direction, SupportedExecutor Executor);
