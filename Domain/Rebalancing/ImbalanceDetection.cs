namespace TradingBot.Acceptance.Domain.Rebalancing;

/// <summary>§8.2: nothing while anything is in flight or nothing is held; outside the strict band the excess, normalized.</summary>
public static class ImbalanceDetection
{
    /// <summary>Alpaca's $50 minimum withdrawal plus spread: smaller moves from Alpaca to Base are skipped.</summary>
    public const decimal MinimumUsdcAlpacaToBase = 51m;

    public static Imbalance? Detect(AssetInventory inventory, RebalancingThreshold threshold)
    {
        if (inventory.HasInflight)
            return null;
        var onchain = inventory.Onchain.Available;
        var total = onchain + inventory.Offchain.Available;
        if (total == 0m)
            return null;
        var ratio = onchain / total;
        if (ratio < threshold.Target - threshold.Deviation)
            return new Imbalance.TooMuchOffchain(TokenUnits.Normalize(threshold.Target * total - onchain));
        if (ratio > threshold.Target + threshold.Deviation)
            return new Imbalance.TooMuchOnchain(TokenUnits.Normalize(onchain - threshold.Target * total));
        return null;
    }

    /// <summary>As <see cref="Detect"/>, with the $51 minimum for moves from Alpaca to Base.</summary>
    public static Imbalance? DetectUsdc(AssetInventory inventory, RebalancingThreshold threshold) =>
        Detect(inventory, threshold) switch
        {
            Imbalance.TooMuchOffchain { Excess: < MinimumUsdcAlpacaToBase } => null,
            var imbalance => imbalance,
        };
}
