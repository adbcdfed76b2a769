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

    /// <summary>The database file, on <see cref="Storage.File"/>.</summary>
    public string? FilePath => path;

    public EventStoreDatabase Database { get; }

    /// <summary>Another instance's database on the same store (a file or PostgreSQL): its aggregate cache holds nothing yet.</summary>
    public EventStoreDatabase OpenAnother() =>
        path is not null ? SqliteDatabase.OpenFile(path, Clock)
        : postgres?.Open(Clock) ?? throw new InvalidOperationException("A database in memory is not shared by another instance.");

    public InstantExecutor Executor { get; }

    public Conductor Conductor { get; }

    public OrderStatusPoller Poller { get; }

    public EventQueueProcessor Queue { get; }

    /// <summary>
    /// Feeds the fills a round (one per symbol) at a time: enqueue the round in one transaction (dedup), process
    /// it as one batch of rows sharing a transaction (trade, position, threshold, lease, broker order), the
    /// placements, then one poll, whose transaction records the broker's answers to the placements and the fills
    /// it finds (the transaction that follows a batch records its answers: docs/domain.md §6.3).
    /// </summary>
    public async Task RunAsync(IReadOnlyList<ChainEvent> fills, int round, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(round, EventQueueProcessor.DefaultBatchSize);
        for (var start = 0; start < fills.Count; start += round)
        {
            var rows = Queue.Enqueue([.. fills.Skip(start).Take(round)]).Count(added => added);
            var processed = await Queue.ProcessBatchAsync(EventQueueProcessor.DefaultBatchSize, cancellationToken).ConfigureAwait(false);
            if (processed.Count != rows)
                throw new InvalidOperationException($"A batch processed {processed.Count} of the round's {rows} rows.");
            await Poller.PollPendingOrdersAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Throws, naming both counts, unless the database holds what <paramref name="fills"/> fills of the trade feed write
    /// once hedged (<see cref="WrittenRows.ForHedgedFills"/>): a timed run's check of its own work, so that a run that
    /// skipped or doubled work fails instead of reporting a rate. The raw inserts write the same rows and place no order.
    /// </summary>
    public void ShouldHaveWritten(int fills, string what) =>
        WrittenRows.Count(Database).ShouldBe(WrittenRows.ForHedgedFills(fills, TradeFeed.Symbols.Count), what);

    /// <summary>As <see cref="ShouldHaveWritten"/>, and the broker received one order per fill: a pipeline run's check.</summary>
    public void ShouldHaveHedged(int fills, string what)
    {
        ShouldHaveWritten(fills, what);
        if (Executor.Placed != fills)
            throw new InvalidOperationException($"The broker received {Executor.Placed} orders for {fills} fills in {what}.");
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
