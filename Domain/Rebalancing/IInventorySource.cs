using TradingBot.Acceptance.Domain.InventorySnapshots;

namespace TradingBot.Acceptance.Domain.Rebalancing;

/// <summary>
/// What one venue holds right now, as the venue itself tells: our vaults' balances on Base, or the
/// broker's positions and cash. The inventory poller records each reading as an InventorySnapshot event.
/// </summary>
public interface IInventorySource
{
    /// <summary>
    /// The venue's equities and cash as snapshot commands (<c>OnchainEquity</c> and <c>OnchainCash</c>, or
    /// <c>OffchainEquity</c> and <c>OffchainCash</c>); empty when the venue cannot tell, as the dry-run
    /// broker, which keeps no inventory. A failed read throws.
    /// </summary>
    Task<IReadOnlyList<InventorySnapshotCommand>> ReadAsync(CancellationToken cancellationToken);
}
