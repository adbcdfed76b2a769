using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TradingBot.Acceptance.Domain.InventorySnapshots;
using TradingBot.Acceptance.Domain.EventSourcing;

namespace TradingBot.Acceptance.Domain.Rebalancing;

/// <summary>
/// Reads what each venue holds and records it on the InventorySnapshot aggregate (§4.8); the trigger then
/// applies the snapshots to the inventory view and checks the holdings they name (§8.1, §8.3). A venue that
/// cannot be read is logged and skipped until the next poll; the other venues are still recorded.
/// </summary>
public sealed class InventoryPoller(
    IAggregateStore store, RebalancingConfig config, IReadOnlyList<IInventorySource> sources, ILogger<InventoryPoller>? logger = null)
{
    /// <summary>The running bot polls once at start and then every 60 s, as the reference bot does.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(60);

    private readonly ILogger log = logger ?? NullLogger<InventoryPoller>.Instance;

    /// <summary>One round over every venue; returns how many snapshots were recorded.</summary>
    public async Task<int> PollAsync(CancellationToken cancellationToken)
    {
        var recorded = 0;
        foreach (var source in sources)
        {
            IReadOnlyList<InventorySnapshotCommand> readings;
            try
            {
                readings = await source.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                log.InventoryReadFailed(source.GetType().Name, exception);
                continue;
            }
            foreach (var reading in readings)
            {
                await store.ExecuteAsync(InventorySnapshotDecider.Kind, config.RegistryId, reading, cancellationToken).ConfigureAwait(false);
                recorded++;
            }
        }
        return recorded;
    }
}
