using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.VaultRegistries;

public abstract record VaultRegistryCommand
{
    private VaultRegistryCommand() { }

    public sealed record DiscoverEquityVault(string Token, string VaultId, string DiscoveredIn, Symbol Symbol) : VaultRegistryCommand;

    public sealed record DiscoverUsdcVault(string VaultId, string DiscoveredIn) : VaultRegistryCommand;
}
