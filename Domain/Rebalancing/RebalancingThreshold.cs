namespace TradingBot.Acceptance.Domain.Rebalancing;

/// <summary>The on-chain ratio to aim for and how far it may drift before a move (bounds are strict).</summary>
public sealed record RebalancingThreshold(decimal Target, decimal Deviation)
{
    public static readonly RebalancingThreshold EquityDefault = new(0.5m, 0.2m);
    public static readonly RebalancingThreshold UsdcDefault = new(0.5m, 0.3m);
}
