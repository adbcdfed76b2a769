using Microsoft.Extensions.Logging;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.OrderStatus;
using TradingBot.Acceptance.Domain.Rebalancing;
using TradingBot.Acceptance.Domain.Risk;
using TradingBot.Acceptance.Domain.Timing;

namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>
/// The one place the bot's parts are put together: the conductor, the order status poller and the event
/// queue processor over one database, one broker and one clock, sharing the in-process symbol guards;
/// and the rebalancing side on the same database and clock. The hosted bot, the scenarios, the unit-test
/// beds and the benchmarks all build the bot here, so that each runs the bot the process runs.
/// </summary>
public sealed class BotComposition
{
    /// <param name="placementDeadline">How long other instances on the database leave an order being placed to this one (§6.4).</param>
    public BotComposition(EventStoreDatabase database, IExecutor executor, TimeProvider clock, HedgingSettings settings, TimeSpan? placementDeadline = null)
        : this(database, new BrokerRoute(executor), clock, settings, RiskSettings.None, placementDeadline)
    {
    }

    /// <param name="brokers">The main broker and the fallback one, if any (DOMAIN §14.3).</param>
    /// <param name="risk">The pre-trade controls (DOMAIN §14); <see cref="RiskSettings.None"/> binds nothing.</param>
    public BotComposition(
        EventStoreDatabase database, BrokerRoute brokers, TimeProvider clock, HedgingSettings settings, RiskSettings risk, TimeSpan? placementDeadline = null)
        : this(database, brokers, clock, settings, new HedgingGuards
        {
            InstanceId = InstanceOf(database),
            PlacementDeadline = placementDeadline ?? HedgingGuards.DefaultPlacementDeadline,
            Risk = new RiskControls(database, clock, risk, brokers),
        })
    {
    }

    private BotComposition(EventStoreDatabase database, BrokerRoute brokers, TimeProvider clock, HedgingSettings settings, HedgingGuards guards)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(brokers);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(settings);
        Database = database;
        Brokers = brokers;
        Clock = clock;
        Settings = settings;
        Guards = guards;
        Risk = guards.Risk!;
        Conductor = new Conductor(database, brokers, clock, settings, guards);
        Poller = new OrderStatusPoller(database, brokers.Main, clock, guards, Conductor.Doubts);
        FallbackPoller = brokers.Fallback is { } fallback ? new OrderStatusPoller(database, fallback, clock, guards, Conductor.Doubts) : null;
        Queue = new EventQueueProcessor(database, Conductor, clock);
    }

    // The lease's holder when the instance is one of an active/standby pair: one name for it in the leases and the log.
    private static string InstanceOf(EventStoreDatabase database) =>
        (database ?? throw new ArgumentNullException(nameof(database))).Fence?.Holder ?? HedgingGuards.NewInstanceId();

    /// <summary>The bot with the broker's own hedging settings (DOMAIN §5: its threshold and share rules).</summary>
    public static BotComposition For(EventStoreDatabase database, IExecutor executor, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(executor);
        return new BotComposition(database, executor, clock, HedgingSettings.ForExecutor(executor.Kind));
    }

    public EventStoreDatabase Database { get; }

    /// <summary>The main broker.</summary>
    public IExecutor Executor => Brokers.Main;

    /// <summary>The main broker and the fallback one, if any.</summary>
    public BrokerRoute Brokers { get; }

    /// <summary>The pre-trade controls: the kill switch, the limits, the fallback; what an operator acts on.</summary>
    public RiskControls Risk { get; }

    public TimeProvider Clock { get; }

    public HedgingSettings Settings { get; }

    public HedgingGuards Guards { get; }

    public Conductor Conductor { get; }

    /// <summary>Follows the orders the main broker holds.</summary>
    public OrderStatusPoller Poller { get; }

    /// <summary>Follows the orders the fallback broker holds; none without a fallback.</summary>
    public OrderStatusPoller? FallbackPoller { get; }

    /// <summary>One poll cycle at every broker, main first: each order is polled at the broker that holds it (§14.3).</summary>
    /// <param name="beforeEachUnit">Awaited before each transaction of answers (<see cref="OrderStatusPoller.PollPendingOrdersAsync"/>).</param>
    public async Task<IReadOnlyList<ExecutionOutcome>> PollAllAsync(
        CancellationToken cancellationToken, Func<CancellationToken, ValueTask>? beforeEachUnit = null)
    {
        var outcomes = await Poller.PollPendingOrdersAsync(cancellationToken, beforeEachUnit).ConfigureAwait(false);
        return FallbackPoller is null ? outcomes
            : [.. outcomes, .. await FallbackPoller.PollPendingOrdersAsync(cancellationToken, beforeEachUnit).ConfigureAwait(false)];
    }

    public EventQueueProcessor Queue { get; }

    /// <summary>Another worker of the same process: same database, settings and guards, its own broker connection.</summary>
    public BotComposition Worker(IExecutor executor) => new(Database, new BrokerRoute(executor, Brokers.Fallback), Clock, Settings, Guards);

    /// <summary>
    /// The rebalancing side over <paramref name="database"/> and <paramref name="clock"/>: the bot's own when
    /// they are the hedging side's, so both write one event log on one clock. No operation starts while the kill
    /// switch recorded on <paramref name="database"/> is engaged, unless <paramref name="halted"/> says otherwise.
    /// </summary>
    public static RebalancingSide Rebalancing(
        EventStoreDatabase database, TimeProvider clock, RebalancingConfig config, RebalancingPorts ports,
        IClockWait? wait = null, ILoggerFactory? loggers = null, Func<bool>? halted = null) =>
        new(database, clock, config, ports, wait, loggers, halted ?? (() => RiskControls.EngagedIn(database)));

    /// <summary>This bot's rebalancing side: same database, same clock.</summary>
    public RebalancingSide Rebalancing(RebalancingConfig config, RebalancingPorts ports, IClockWait? wait = null, ILoggerFactory? loggers = null) =>
        Rebalancing(Database, Clock, config, ports, wait, loggers);
}
