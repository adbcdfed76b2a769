namespace TradingBot.Acceptance.Domain.Rebalancing;

/// <summary>
/// Rebalancing settings (§8). <see cref="Validate"/> runs at startup: targets in [0, 1], deviations
/// ≥ 0, and minted tokens must never go to the issuer's redemption wallet.
/// </summary>
public sealed record RebalancingConfig(
    bool Enabled,
    RebalancingThreshold Equity,
    RebalancingThreshold Usdc,
    string MarketMakerWallet,
    string RedemptionWallet,
    string Orderbook,
    string UsdcVaultId)
{
    /// <summary>The VaultRegistry and InventorySnapshot id: <c>{orderbook}:{owner}</c>, the owner being our wallet.</summary>
    public string RegistryId => $"{Orderbook}:{MarketMakerWallet}";

    public RebalancingConfigError? Validate()
    {
        foreach (var (name, threshold) in new[] { ("equity", Equity), ("usdc", Usdc) })
        {
            if (threshold.Target is < 0m or > 1m)
                return new($"{name}.target", $"must be between 0 and 1, was {threshold.Target}");
            if (threshold.Deviation < 0m)
                return new($"{name}.deviation", $"must not be negative, was {threshold.Deviation}");
        }
        if (string.IsNullOrWhiteSpace(MarketMakerWallet))
            return new("market_maker_wallet", "must be set");
        if (string.IsNullOrWhiteSpace(RedemptionWallet))
            return new("redemption_wallet", "must be set");
        if (string.Equals(MarketMakerWallet, RedemptionWallet, StringComparison.OrdinalIgnoreCase))
            return new("redemption_wallet", "must differ from the market-maker wallet, or minted tokens would be redeemed");
        if (string.IsNullOrWhiteSpace(UsdcVaultId))
            return new("usdc_vault_id", "must be set");
        return null;
    }
}
