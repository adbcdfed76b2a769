using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.OrderStatus;
using TradingBot.Acceptance.Domain.Hosting;
using TradingBot.Acceptance.Domain.Risk;
using TradingBot.Acceptance.Support.EventStores;

namespace TradingBot.Benchmarks.Pipeline;

/// <summary>
/// The real bot on a fresh database: queue processor, conductor and poller over the instant broker, with no
/// pre-trade control, or with <paramref name="controls"/> (see <see cref="ControlsOn"/>).
/// </summary>
public sealed class PipelineBot : IDisposable
{
    /// <summary>Every control set, none binding: what the controls cost when nothing trips them.</summary>
    public static readonly RiskSettings ControlsOn = new()
    {
        OrderLimit = new Acceptance.Domain.Finance.Usd(1_000_000_000m),
        DailyLimit = new Acceptance.Domain.Finance.Usd(1_000_000_000_000m),
        KillSwitchAfterFailures = 5,
    };

    private readonly string? path;
    private readonly ScenarioStore? postgres;

    public PipelineBot(Storage storage, RiskSettings? controls = null)
    {
        Clock = new FakeTimeProvider(TradeFeed.Start);
        if (storage == Storage.File)
        {
            path = Path.Combine(Path.GetTempPath(), $"trading-bot-bench-{Guid.NewGuid():N}.db");
            Database = SqliteDatabase.OpenFile(path, Clock);
        }
        else if (storage == Storage.Postgres)
        {
            postgres = new ScenarioStore(EventStoreKind.Postgres);
            Database = postgres.Open(Clock);
        }
        else
        {
            Database = SqliteDatabase.InMemory(Clock);
        }

        Executor = new InstantExecutor(Clock);
        var bot = new BotComposition(Database, new BrokerRoute(Executor), Clock, HedgingSettings.ForExecutor(Executor.Kind), controls ?? RiskSettings.None);
        Conductor = bot.Conductor;
        Poller = bot.Poller;
        Queue = bot.Queue;
    }

    public FakeTimeProvider Clock { get; }

    public EventStoreDatabase Database { get; }

    public InstantExecutor Executor { get; }

    public Conductor Conductor { get; }

    public OrderStatusPoller Poller { get; }

    public EventQueueProcessor Queue { get; }

    /// <summary>
    /// Feeds the fills a round (one per symbol) at a time: enqueue the round in one transaction (dedup), process
    /// it (trade, position, threshold, lease, broker order: a batch of rows sharing one transaction, then the
    /// placements and their answers), then one poll that fills the round's orders.
    /// </summary>
    public async Task RunAsync(IReadOnlyList<ChainEvent> fills, int round, CancellationToken cancellationToken)
    {
        for (var start = 0; start < fills.Count; start += round)
        {
            Queue.Enqueue([.. fills.Skip(start).Take(round)]);
            await Queue.ProcessAllAsync(cancellationToken).ConfigureAwait(false);
            await Poller.PollPendingOrdersAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        Database.Dispose();
        postgres?.Dispose();
        if (path is null)
            return;
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            File.Delete(file);
    }
}
