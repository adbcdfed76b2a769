using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.VaultRegistries;

public abstract record VaultRegistryEvent
{
    private VaultRegistryEvent() { }

    public sealed record EquityVaultDiscovered(string Token, string VaultId, string DiscoveredIn, Symbol Symbol, DateTimeOffset DiscoveredAt)
        : VaultRegistryEvent;

    public sealed record UsdcVaultDiscovered(string VaultId, string DiscoveredIn, DateTimeOffset DiscoveredAt) : VaultRegistryEvent;
}
