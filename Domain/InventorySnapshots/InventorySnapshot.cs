using System.Collections.Immutable;
using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.InventorySnapshots;

/// <summary>The latest balances read from each venue; each reading replaces its own field.</summary>
public sealed record InventorySnapshot(
    ImmutableDictionary<Symbol, FractionalShares>? OnchainEquity,
    Usd? OnchainCash,
    ImmutableDictionary<Symbol, FractionalShares>? OffchainEquity,
    long? OffchainCashCents,
    DateTimeOffset? LastFetchedAt)
{
    public static readonly InventorySnapshot Empty = new(null, null, null, null, null);

    /// <summary>The aggregate id <c>{orderbook}:{owner}</c>.</summary>
    public static string IdOf(string orderbook, string owner) => $"{orderbook}:{owner}";
}
