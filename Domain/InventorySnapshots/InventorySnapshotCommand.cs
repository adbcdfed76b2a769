using System.Collections.Immutable;
using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.InventorySnapshots;

public abstract record InventorySnapshotCommand
{
    private InventorySnapshotCommand() { }

    public sealed record OnchainEquity(ImmutableDictionary<Symbol, FractionalShares> Balances) : InventorySnapshotCommand;

    public sealed record OnchainCash(Usd UsdcBalance) : InventorySnapshotCommand;

    public sealed record OffchainEquity(ImmutableDictionary<Symbol, FractionalShares> Positions) : InventorySnapshotCommand;

    public sealed record OffchainCash(long CashBalanceCents) : InventorySnapshotCommand;
}
