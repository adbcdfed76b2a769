using System.Collections.Immutable;
using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.VaultRegistries;

/// <summary>The vaults of one order book owner, keyed by token address (compared case-insensitively).</summary>
public sealed record VaultRegistry(ImmutableDictionary<string, EquityVault> EquityVaults, UsdcVault? UsdcVault)
{
    public static readonly VaultRegistry Empty = new(ImmutableDictionary.Create<string, EquityVault>(StringComparer.OrdinalIgnoreCase), null);

    /// <summary>The <c>TokenBySymbol</c> query: the equity vault whose token is that symbol's, if discovered.</summary>
    public EquityVault? TokenBySymbol(Symbol symbol) => EquityVaults.Values.FirstOrDefault(vault => vault.Symbol == symbol);

    /// <summary>The aggregate id <c>{orderbook}:{owner}</c>.</summary>
    public static string IdOf(string orderbook, string owner) => $"{orderbook}:{owner}";
}
