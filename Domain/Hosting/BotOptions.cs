using TradingBot.Acceptance.Domain.Chain;
using TradingBot.Acceptance.Domain.Hedging;

namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>How the running bot is paced: loop intervals, restart backoff, the chain node it reads and the shutdown deadline.</summary>
public sealed record BotOptions
{
    /// <summary>The node the chain reader subscribes to, the orderbook and our orders in it, the watchdog and reconnect pacing.</summary>
    public required ChainReaderOptions Chain { get; init; }

    public TimeSpan OrderStatusInterval { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan OrderStatusMaxJitter { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan PositionCheckInterval { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan ExecutorMaintenanceInterval { get; init; } = TimeSpan.FromMinutes(25);

    /// <summary>How often the inventory poller reads every venue's holdings (it also reads them at start).</summary>
    public TimeSpan InventoryPollInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The rebalancer's pause after a move that failed, before its next operation; it doubles after each
    /// failure in a row up to <see cref="RebalancingPauseMax"/>. The trigger sends a failed move again as soon
    /// as its guard is released (the imbalance is still there): without a pause, a move that keeps failing
    /// at once (a refused request) would spin.
    /// </summary>
    public TimeSpan RebalancingPauseInitial { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan RebalancingPauseMax { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>First wait before restarting a faulted task; it doubles up to <see cref="RestartBackoffMax"/>.</summary>
    public TimeSpan RestartBackoffInitial { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan RestartBackoffMax { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long other instances on the same database leave an order being placed to its placer (§6.4).</summary>
    public TimeSpan PlacementDeadline { get; init; } = HedgingGuards.DefaultPlacementDeadline;

    /// <summary>How long a shutdown lets the units of work under way finish before cancelling them.</summary>
    public TimeSpan ShutdownDeadline { get; init; } = TimeSpan.FromSeconds(30);
}
