using TradingBot.Acceptance.Domain.EventSourcing;
using Command = TradingBot.Acceptance.Domain.VaultRegistries.VaultRegistryCommand;
using Error = TradingBot.Acceptance.Domain.VaultRegistries.VaultRegistryError;
using Event = TradingBot.Acceptance.Domain.VaultRegistries.VaultRegistryEvent;

namespace TradingBot.Acceptance.Domain.VaultRegistries;

public static class VaultRegistryDecider
{
    public static readonly AggregateKind<VaultRegistry, Command, Event, Error> Kind =
        new("VaultRegistry", VaultRegistry.Empty, Decide, Evolve, new VaultRegistryEventCodec())
        {
            ViewTable = VaultRegistryView.Table,
            View = VaultRegistryView.Write,
        };

    // Every fill re-discovers its vaults: an identical discovery must not grow the log.
    public static Decision<Event, Error> Decide(VaultRegistry registry, Command command, DateTimeOffset now) =>
        command switch
        {
            Command.DiscoverEquityVault equity when registry.EquityVaults.TryGetValue(equity.Token, out var known)
                && SameHex(known.Token, equity.Token) && SameHex(known.VaultId, equity.VaultId)
                && SameHex(known.DiscoveredIn, equity.DiscoveredIn) && known.Symbol == equity.Symbol => Nothing(),
            Command.DiscoverEquityVault equity => Accept(
                new Event.EquityVaultDiscovered(equity.Token, equity.VaultId, equity.DiscoveredIn, equity.Symbol, now)),
            Command.DiscoverUsdcVault usdc when registry.UsdcVault == new UsdcVault(usdc.VaultId, usdc.DiscoveredIn) => Nothing(),
            Command.DiscoverUsdcVault usdc => Accept(new Event.UsdcVaultDiscovered(usdc.VaultId, usdc.DiscoveredIn, now)),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown vault registry command"),
        };

    public static VaultRegistry Evolve(VaultRegistry registry, Event @event) => @event switch
    {
        Event.EquityVaultDiscovered equity => registry with
        {
            EquityVaults = registry.EquityVaults.SetItem(
                equity.Token, new EquityVault(equity.Token, equity.VaultId, equity.DiscoveredIn, equity.Symbol)),
        },
        Event.UsdcVaultDiscovered usdc => registry with { UsdcVault = new UsdcVault(usdc.VaultId, usdc.DiscoveredIn) },
        _ => throw new CorruptStreamException(registry, @event),
    };

    // Addresses and hashes are hex: a checksummed and a lower-case spelling are the same value.
    private static bool SameHex(string left, string right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);

    private static Decision<Event, Error> Accept(Event @event) => new Decision<Event, Error>.Accepted([@event]);

    private static Decision<Event, Error> Nothing() => new Decision<Event, Error>.Accepted([]);
}
