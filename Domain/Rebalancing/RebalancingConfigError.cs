namespace TradingBot.Acceptance.Domain.Rebalancing;

/// <summary>A rebalancing setting that cannot be used, naming the field.</summary>
public sealed record RebalancingConfigError(string Field, string Problem);
