using TradingBot.Acceptance.Domain.Chain;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.Risk;

namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>
/// How the running bot is paced (loop intervals, restart backoff, the chain node it reads and the shutdown deadline) and what keeps its mistakes small: the pre-trade controls and the main and fallback brokers (§14).
/// </summary>
public sealed record BotOptions : IConfigurationCheck
{
    /// <summary>The node the chain reader subscribes to, the orderbook and our orders in it, the watchdog and reconnect pacing.</summary>
    public required ChainReaderOptions Chain { get; init; }

    public TimeSpan OrderStatusInterval { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan OrderStatusMaxJitter { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan PositionCheckInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The broker's upkeep runs this often: 25 minutes, inside the 30 minutes a Schwab access token lasts.</summary>
    public static readonly TimeSpan DefaultExecutorMaintenanceInterval = TimeSpan.FromMinutes(25);

    public TimeSpan ExecutorMaintenanceInterval { get; init; } = DefaultExecutorMaintenanceInterval;

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

    /// <summary>The largest broker order in dollars at the last price; null: no limit.</summary>
    public decimal? OrderLimitUsd { get; init; } = RiskSettings.Production.OrderLimit!.Value.Value;

    /// <summary>The most placed in one UTC day, in dollars; null: no limit.</summary>
    public decimal? DailyLimitUsd { get; init; } = RiskSettings.Production.DailyLimit!.Value.Value;

    /// <summary>Failed broker orders in a row that engage the kill switch; null: never.</summary>
    public int? KillSwitchAfterFailures { get; init; } = RiskSettings.Production.KillSwitchAfterFailures;

    /// <summary>Whether a new UTC day resets a kill switch the daily limit engaged.</summary>
    public bool AutoResetDaily { get; init; }

    /// <summary>The main broker: alpaca, schwab or dry-run.</summary>
    public string Broker { get; init; } = "alpaca";

    /// <summary>The broker new hedges go to while the main one is down: alpaca or schwab; none by default.</summary>
    public string? FallbackBroker { get; init; }

    /// <summary>The pre-trade controls these options set.</summary>
    public RiskSettings Risk() => ControlConfiguration.Risk(OrderLimitUsd, DailyLimitUsd, KillSwitchAfterFailures, AutoResetDaily);

    /// <summary>The main broker and the fallback one, if any.</summary>
    public (SupportedExecutor Main, SupportedExecutor? Fallback) Brokers() => ControlConfiguration.Brokers(Broker, FallbackBroker);

    public void Check()
    {
        Risk();
        Brokers();
    }
}
