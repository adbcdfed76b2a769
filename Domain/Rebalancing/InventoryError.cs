namespace TradingBot.Acceptance.Domain.Rebalancing;

/// <summary>Why an inventory operation was skipped; it is logged, never failing the event that caused it.</summary>
public abstract record InventoryError
{
    private InventoryError() { }

    public sealed record InsufficientAvailable(InventoryAsset Asset, Venue Venue, decimal Available, decimal Requested) : InventoryError;

    public sealed record InsufficientInflight(InventoryAsset Asset, Venue Venue, decimal Inflight, decimal Requested) : InventoryError;

    /// <summary>More arrived than was sent: a bridge fee cannot be negative.</summary>
    public sealed record NegativeFee(InventoryAsset Asset, decimal Sent, decimal Received) : InventoryError;

    /// <summary>A snapshot is not applied while the asset has anything in flight.</summary>
    public sealed record SnapshotWhileInflight(InventoryAsset Asset) : InventoryError;

    public sealed record NonPositiveAmount(InventoryAsset Asset, decimal Amount) : InventoryError;
}
