using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.OffchainOrders;
using TradingBot.Acceptance.Domain.OrderStatus;
using TradingBot.Acceptance.Domain.Positions;

namespace TradingBot.Acceptance.Support.Hosting;

/// <summary>
/// One running bot, wired as the real process wires it: the conductor, the order status poller and the
/// event queue processor over one database and one broker, sharing the in-process symbol guards.
/// </summary>
public sealed class Bot : IDisposable
{
    private readonly bool ownsDatabase;

    public Bot(SqliteDatabase database, IExecutor executor, TimeProvider clock, HedgingSettings settings)
        : this(database, executor, clock, settings, new HedgingGuards(), ownsDatabase: true)
    {
    }

    /// <summary>Another worker of the same process: same database and guards; the database stays open when it is disposed.</summary>
    public Bot Worker(IExecutor executor, TimeProvider clock, HedgingSettings settings) =>
        new(Database, executor, clock, settings, Guards, ownsDatabase: false);

    private Bot(SqliteDatabase database, IExecutor executor, TimeProvider clock, HedgingSettings settings, HedgingGuards guards, bool ownsDatabase)
    {
        this.ownsDatabase = ownsDatabase;
        Database = database;
        Guards = guards;
        Conductor = new Conductor(database, executor, clock, settings, guards);
        Poller = new OrderStatusPoller(database, executor, clock, guards);
        Queue = new EventQueueProcessor(database, Conductor, clock);
        Positions = new PositionView(database);
        Orders = new OffchainOrderView(database);
    }

    public SqliteDatabase Database { get; }

    public HedgingGuards Guards { get; }

    public Conductor Conductor { get; }

    public OrderStatusPoller Poller { get; }

    public EventQueueProcessor Queue { get; }

    public PositionView Positions { get; }

    public OffchainOrderView Orders { get; }

    /// <summary>What the bot does when it starts (DOMAIN §10): the position checker runs once.</summary>
    public Task StartAsync(CancellationToken cancellationToken) =>
        Conductor.CheckAndExecuteAccumulatedPositionsAsync(cancellationToken);

    public void Dispose()
    {
        if (ownsDatabase)
            Database.Dispose();
    }
}
