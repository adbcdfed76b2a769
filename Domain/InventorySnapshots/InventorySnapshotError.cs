namespace TradingBot.Acceptance.Domain.InventorySnapshots;

/// <summary>Snapshots are always accepted, so no rule can be broken: this hierarchy has no cases.</summary>
public abstract record InventorySnapshotError
{
    private InventorySnapshotError() { }
}
