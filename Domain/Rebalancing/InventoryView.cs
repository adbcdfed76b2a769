using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.Rebalancing;

/// <summary>
/// The bot's in-memory picture of what it holds where (§8.1). Every operation either applies whole or
/// is skipped with a logged <see cref="InventoryError"/>: it never fails the event that caused it.
/// </summary>
public sealed class InventoryView(ILogger<InventoryView>? logger = null)
{
    private readonly ILogger logger = logger ?? NullLogger<InventoryView>.Instance;
    private readonly Lock gate = new();
    private ImmutableDictionary<InventoryAsset, AssetInventory> assets = ImmutableDictionary<InventoryAsset, AssetInventory>.Empty;
    private ImmutableHashSet<Venue> awaitedSnapshots = [];

    /// <summary>
    /// After a restart the view is only as fresh as the last stored snapshot: until a snapshot of each
    /// venue (or a direct set) has been applied since, it is not trusted for rebalancing (§10).
    /// </summary>
    public bool AwaitingSnapshots
    {
        get
        {
            lock (gate)
                return !awaitedSnapshots.IsEmpty;
        }
    }

    /// <summary>Distrusts the view until each venue's next snapshot (or a direct set) has been applied.</summary>
    public void AwaitSnapshots()
    {
        lock (gate)
            awaitedSnapshots = [Venue.Onchain, Venue.Offchain];
    }

    public AssetInventory Of(InventoryAsset asset)
    {
        lock (gate)
            return assets.GetValueOrDefault(asset, AssetInventory.Empty);
    }

    public AssetInventory Equity(Symbol symbol) => Of(new InventoryAsset.Equity(symbol));

    public AssetInventory Usdc => Of(new InventoryAsset.Usdc());

    /// <summary>Sets both venues' available balances, nothing in flight (test support and restart); triggers nothing.</summary>
    public void Set(InventoryAsset asset, decimal onchain, decimal offchain)
    {
        lock (gate)
        {
            assets = assets.SetItem(asset, Of(asset) with { Onchain = new(onchain, 0m), Offchain = new(offchain, 0m) });
            awaitedSnapshots = [];
        }
    }

    /// <summary>Restart: an amount that left <paramref name="venue"/> and has not arrived, as a move still open left it.</summary>
    public InventoryError? RestoreInflight(InventoryAsset asset, Venue venue, decimal amount) => Apply(asset, inventory =>
    {
        var balance = inventory.At(venue);
        return (inventory.With(venue, balance with { Inflight = balance.Inflight + amount }), null);
    });

    public InventoryError? MoveToInflight(InventoryAsset asset, Venue venue, decimal amount) => Apply(asset, inventory =>
    {
        var balance = inventory.At(venue);
        if (amount > balance.Available)
            return (inventory, new InventoryError.InsufficientAvailable(asset, venue, balance.Available, amount));
        return (inventory.With(venue, new(balance.Available - amount, balance.Inflight + amount)), null);
    });

    public InventoryError? CancelInflight(InventoryAsset asset, Venue venue, decimal amount) => Apply(asset, inventory =>
    {
        var balance = inventory.At(venue);
        if (amount > balance.Inflight)
            return (inventory, new InventoryError.InsufficientInflight(asset, venue, balance.Inflight, amount));
        return (inventory.With(venue, new(balance.Available + amount, balance.Inflight - amount)), null);
    });

    /// <summary>The move arrived: the source's in-flight loses what was sent, the other venue gains what was received.</summary>
    public InventoryError? ConfirmInflight(InventoryAsset asset, Venue source, decimal sent, decimal received) => Apply(asset, inventory =>
    {
        if (received > sent)
            return (inventory, new InventoryError.NegativeFee(asset, sent, received));
        var sourceBalance = inventory.At(source);
        if (sent > sourceBalance.Inflight)
            return (inventory, new InventoryError.InsufficientInflight(asset, source, sourceBalance.Inflight, sent));
        var destination = Other(source);
        var destinationBalance = inventory.At(destination);
        return (inventory.With(source, sourceBalance with { Inflight = sourceBalance.Inflight - sent })
            .With(destination, destinationBalance with { Available = destinationBalance.Available + received }), null);
    });

    public InventoryError? AddAvailable(InventoryAsset asset, Venue venue, decimal amount) => Apply(asset, inventory =>
    {
        var balance = inventory.At(venue);
        return (inventory.With(venue, balance with { Available = balance.Available + amount }), null);
    });

    public InventoryError? RemoveAvailable(InventoryAsset asset, Venue venue, decimal amount) => Apply(asset, inventory =>
    {
        var balance = inventory.At(venue);
        if (amount > balance.Available)
            return (inventory, new InventoryError.InsufficientAvailable(asset, venue, balance.Available, amount));
        return (inventory.With(venue, balance with { Available = balance.Available - amount }), null);
    });

    /// <summary>
    /// Replaces a venue's available balance, unless the asset has anything in flight on either venue.
    /// Either way the venue has been read, which is what a restarted view waits for.
    /// </summary>
    public InventoryError? ApplySnapshot(InventoryAsset asset, Venue venue, decimal available)
    {
        lock (gate)
            awaitedSnapshots = awaitedSnapshots.Remove(venue);
        return Apply(asset, inventory =>
            inventory.HasInflight
                ? (inventory, new InventoryError.SnapshotWhileInflight(asset))
                : (inventory.With(venue, inventory.At(venue) with { Available = available }), null));
    }

    public void MarkRebalanced(InventoryAsset asset, DateTimeOffset at) =>
        Apply(asset, inventory => (inventory with { LastRebalancing = at }, null));

    private static Venue Other(Venue venue) => venue == Venue.Onchain ? Venue.Offchain : Venue.Onchain;

    private InventoryError? Apply(InventoryAsset asset, Func<AssetInventory, (AssetInventory, InventoryError?)> operation)
    {
        InventoryError? error;
        lock (gate)
        {
            (var updated, error) = operation(assets.GetValueOrDefault(asset, AssetInventory.Empty));
            if (error is null)
                assets = assets.SetItem(asset, updated);
        }
        if (error is not null)
            logger.InventoryOperationSkipped(asset, error);
        return error;
    }
}
