using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.OffchainOrders;

/// <summary>An order with its execution id (the aggregate id, which the state itself does not carry).</summary>
public sealed record TrackedOrder(ExecutionId ExecutionId, OffchainOrder Order);
