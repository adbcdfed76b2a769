using TradingBot.Acceptance.Domain.Chain;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.VaultRegistries;
using TradingBot.Acceptance.Support.Chain;

namespace TradingBot.Benchmarks.Soak;

/// <summary>
/// The vaults of the soak's tokens, recorded in the bot's vault registry before the run, as its symbols are known
/// ahead: the soak measures fills, not 30,000 first discoveries. Each discovery rewrites the registry's view row,
/// which holds every vault, so discovering 30,000 vaults in the first 30 seconds would write gigabytes; a bot
/// trades a few tokens. The fills then carry vaults the registry holds as they are, and discover nothing again.
/// </summary>
public static class KnownVaults
{
    private static readonly string Seeded = HexQuantity.Data(new byte[32]);

    public static void Record(EventStoreDatabase database, IEnumerable<string> tickers, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(tickers);
        ArgumentNullException.ThrowIfNull(clock);
        var registry = VaultRegistry.IdOf(ScenarioChain.Orderbook, ScenarioChain.BotOwner);
        using var unit = database.BeginWrite();
        var now = clock.GetUtcNow();
        Discover(unit, registry, new VaultRegistryCommand.DiscoverUsdcVault(Vault(ChainTrades.UsdcVault), Seeded), now);
        foreach (var ticker in tickers)
        {
            if (!Symbol.TryFromTokenSymbol("t" + ticker, out var symbol))
                throw new InvalidOperationException($"t{ticker} is not a tokenized equity's symbol.");
            Discover(unit, registry, new VaultRegistryCommand.DiscoverEquityVault(SimulatedChain.TokenAddress("t" + ticker), Vault(ChainTrades.EquityVault), Seeded, symbol), now);
        }

        unit.Commit();
    }

    private static void Discover(UnitOfWork unit, string registry, VaultRegistryCommand command, DateTimeOffset now) =>
        unit.Execute(VaultRegistryDecider.Kind, registry, state => VaultRegistryDecider.Decide(state ?? VaultRegistry.Empty, command, now));

    // A vault id as the orderbook's logs carry it: a 32-byte word, here with only its last byte set.
    private static string Vault(byte number)
    {
        var word = new byte[32];
        word[31] = number;
        return HexQuantity.Data(word);
    }
}
