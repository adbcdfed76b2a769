using Microsoft.Extensions.Logging;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.OrderStatus;
using TradingBot.Acceptance.Domain.Rebalancing;
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
        : this(database, executor, clock, settings, new HedgingGuards { PlacementDeadline = placementDeadline ?? HedgingGuards.DefaultPlacementDeadline })
    {
    }

    private BotComposition(EventStoreDatabase database, IExecutor executor, TimeProvider clock, HedgingSettings settings, HedgingGuards guards)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(executor);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(settings);
        Database = database;
        Executor = executor;
        Clock = clock;
        Settings = settings;
        Guards = guards;
        Conductor = new Conductor(database, executor, clock, settings, guards);
        Poller = new OrderStatusPoller(database, executor, clock, guards);
        Queue = new EventQueueProcessor(database, Conductor, clock);
    }

    /// <summary>The bot with the broker's own hedging settings (DOMAIN §5: its threshold and share rules).</summary>
    public static BotComposition For(EventStoreDatabase database, IExecutor executor, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(executor);
        return new BotComposition(database, executor, clock, HedgingSettings.ForExecutor(executor.Kind));
    }

    public EventStoreDatabase Database { get; }

    public IExecutor Executor { get; }

    public TimeProvider Clock { get; }

    public HedgingSettings Settings { get; }

    public HedgingGuards Guards { get; }

    public Conductor Conductor { get; }

    public OrderStatusPoller Poller { get; }

    public EventQueueProcessor Queue { get; }

    /// <summary>Another worker of the same process: same database, settings and guards, its own broker connection.</summary>
    public BotComposition Worker(IExecutor executor) => new(Database, executor, Clock, Settings, Guards);

    /// <summary>
    /// The rebalancing side over <paramref name="database"/> and <paramref name="clock"/>: the bot's own when
    /// they are the hedging side's, so both write one event log on one clock.
    /// </summary>
    public static RebalancingSide Rebalancing(
        EventStoreDatabase database, TimeProvider clock, RebalancingConfig config, RebalancingPorts ports,
        IClockWait? wait = null, ILoggerFactory? loggers = null) =>
        new(database, clock, config, ports, wait, loggers);

    /// <summary>This bot's rebalancing side: same database, same clock.</summary>
    public RebalancingSide Rebalancing(RebalancingConfig config, RebalancingPorts ports, IClockWait? wait = null, ILoggerFactory? loggers = null) =>
        Rebalancing(Database, Clock, config, ports, wait, loggers);
}
