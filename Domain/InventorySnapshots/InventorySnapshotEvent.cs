using System.Collections.Immutable;
using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.InventorySnapshots;

public abstract record InventorySnapshotEvent
{
    private InventorySnapshotEvent() { }

    public sealed record OnchainEquity(ImmutableDictionary<Symbol, FractionalShares> Balances, DateTimeOffset FetchedAt)
        : InventorySnapshotEvent;

    public sealed record OnchainCash(Usd UsdcBalance, DateTimeOffset FetchedAt) : InventorySnapshotEvent;

    public sealed record OffchainEquity(ImmutableDictionary<Symbol, FractionalShares> Positions, DateTimeOffset FetchedAt)
        : InventorySnapshotEvent;

    public sealed record OffchainCash(long CashBalanceCents, DateTimeOffset FetchedAt) : InventorySnapshotEvent;
}
