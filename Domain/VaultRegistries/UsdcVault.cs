namespace TradingBot.Acceptance.Domain.VaultRegistries;

/// <summary>Our USDC vault on the order book.</summary>
public sealed record UsdcVault(string VaultId, string DiscoveredIn);
