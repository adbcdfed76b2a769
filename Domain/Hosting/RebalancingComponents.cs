using TradingBot.Acceptance.Domain.Rebalancing;
using TradingBot.Acceptance.Domain.Timing;

namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>
/// What the running bot needs to rebalance: its settings, a way to reach the outside world once the bot's
/// wait exists (the adapters' retries must wait through it, see <see cref="IClockWait"/>), and the venues the
/// inventory poller reads.
/// </summary>
public sealed record RebalancingComponents(RebalancingConfig Config, Func<IClockWait, RebalancingPorts> Connect)
{
    /// <summary>The venues whose holdings become InventorySnapshot events; none leaves the view to fills and moves alone.</summary>
    public IReadOnlyList<IInventorySource> InventorySources { get; init; } = [];
}
