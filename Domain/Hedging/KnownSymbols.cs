using System.Text.Json;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OnChainTrades;
using TradingBot.Acceptance.Domain.VaultRegistries;

namespace TradingBot.Acceptance.Domain.Hedging;

/// <summary>
/// The symbols the bot hedges (§2): its configured list, plus those its vault registry discovered. A fill
/// of any other token is refused as unknown, naming the known ones, and becomes a dead letter (§10).
/// </summary>
public static class KnownSymbols
{
    public const string Code = "UnknownToken";

    /// <summary>Null when the fill's symbol is known, or when no list is configured (every symbol is then hedged).</summary>
    public static TradeInputError? Refusal(UnitOfWork unit, IReadOnlySet<Symbol>? configured, Symbol symbol)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (configured is null || configured.Contains(symbol))
            return null;
        var discovered = Discovered(unit);
        if (discovered.Contains(symbol))
            return null;
        var known = configured.Concat(discovered).Select(known => known.Value).Distinct().Order(StringComparer.Ordinal);
        return new TradeInputError("token_symbol", Code, $"unknown token {symbol.TokenSymbol} (known: {string.Join(", ", known)})");
    }

    /// <summary>The symbols of every equity vault any vault registry in the database has discovered.</summary>
    public static IReadOnlyList<Symbol> Discovered(UnitOfWork unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var symbols = new List<Symbol>();
        using var select = unit.Statement($"SELECT payload FROM {VaultRegistryView.Table}");
        while (select.Step())
        {
            // A view row is tagged: {"Live": {"equity_vaults": [...], ...}}.
            using var view = JsonDocument.Parse(select.Text(0));
            if (view.RootElement.TryGetProperty("Live", out var registry) && registry.ValueKind == JsonValueKind.Object
                && registry.TryGetProperty("equity_vaults", out var vaults) && vaults.ValueKind == JsonValueKind.Array)
                symbols.AddRange(vaults.EnumerateArray()
                    .Where(vault => vault.TryGetProperty("symbol", out var name) && name.ValueKind == JsonValueKind.String)
                    .Select(vault => new Symbol(vault.GetProperty("symbol").GetString()!)));
        }
        return symbols;
    }
}
