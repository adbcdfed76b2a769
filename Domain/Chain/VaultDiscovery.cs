using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.VaultRegistries;
using Error = TradingBot.Acceptance.Domain.VaultRegistries.VaultRegistryError;
using Event = TradingBot.Acceptance.Domain.VaultRegistries.VaultRegistryEvent;

namespace TradingBot.Acceptance.Domain.Chain;

/// <summary>
/// The vaults of our orders, learnt from the fills read on the chain (§4.7): per fill our input vault before our
/// output vault, the USDC side as the USDC vault and the equity as its token's vault. A vault the registry already
/// holds as it is (same token, vault id and symbol) is not discovered again, so fills do not grow the event log;
/// a vault that changed is discovered anew in the fill's transaction.
/// </summary>
public static class VaultDiscovery
{
    public static void Discover(UnitOfWork unit, OrderbookSettings settings, DecodedFill fill, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(fill);
        if (!Symbol.TryFromTokenSymbol(fill.TokenSymbol, out var symbol))
            return;
        var registry = VaultRegistry.IdOf(settings.Orderbook, settings.OrderOwner);
        VaultRegistryCommand usdc = new VaultRegistryCommand.DiscoverUsdcVault(fill.UsdcVaultId, fill.TradeId.TxHash);
        VaultRegistryCommand equity = new VaultRegistryCommand.DiscoverEquityVault(fill.EquityToken, fill.EquityVaultId, fill.TradeId.TxHash, symbol);
        // A sale received USDC (its input), a purchase received the equity.
        foreach (var command in fill.Direction == Direction.Sell ? [usdc, equity] : new[] { equity, usdc })
            unit.Execute(VaultRegistryDecider.Kind, registry, state => Holds(state, command) ? new Decision<Event, Error>.Accepted([]) : VaultRegistryDecider.Decide(state ?? VaultRegistry.Empty, command, now));
    }

    private static bool Holds(VaultRegistry? registry, VaultRegistryCommand command) => (registry, command) switch
    {
        ({ } known, VaultRegistryCommand.DiscoverUsdcVault usdc) => known.UsdcVault is { } vault && Same(vault.VaultId, usdc.VaultId),
        ({ } known, VaultRegistryCommand.DiscoverEquityVault equity) => known.EquityVaults.TryGetValue(equity.Token, out var vault)
            && Same(vault.VaultId, equity.VaultId) && vault.Symbol == equity.Symbol,
        _ => false,
    };

    private static bool Same(string left, string right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);
}
