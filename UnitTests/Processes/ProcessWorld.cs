using System.Text.Json;
using Microsoft.Data.Sqlite;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hosting;
using TradingBot.Acceptance.Domain.OffchainOrders;
using TradingBot.Acceptance.Domain.Positions;
using TradingBot.Acceptance.Support.Chain;
using TradingBot.Acceptance.Support.EventStores;

namespace TradingBot.Acceptance.UnitTests.Processes;

/// <summary>
/// What bot processes share in one test: a folder with the database file, the configuration file and the
/// broker's journal, the simulated node (mining a block every 100 ms of real time) and the broker simulator (both in
/// the test process, so they outlive kills).
/// </summary>
public sealed class ProcessWorld : IAsyncDisposable
{
    private readonly string folder;

    private ProcessWorld(string folder, ScenarioChain chain, BrokerSimulator broker)
    {
        this.folder = folder;
        Chain = chain;
        Broker = broker;
    }

    /// <summary>The operator API's token of the bots of an active/standby world (each listens on a free loopback port).</summary>
    public const string OperatorToken = "process-test-operator-token";

    public ScenarioChain Chain { get; }

    public BrokerSimulator Broker { get; }

    public string DatabasePath => Path.Combine(folder, "bot.db");

    public string ConfigPath => Path.Combine(folder, "bot.json");

    public ScenarioStore Store { get; private init; } = new(EventStoreKind.Sqlite);

    /// <summary>Starts a bot process on this world's configuration and store; each has an operator log of its own.</summary>
    public BotProcess StartBot() =>
        BotProcess.Start(ConfigPath, Store.Kind == EventStoreKind.Sqlite ? DatabasePath : null, Path.Combine(folder, $"bot-{Guid.NewGuid():N}.log"));

    /// <param name="kind">Where the bots keep their events: the SQLite file <see cref="DatabasePath"/>, or a PostgreSQL schema of the run's server.</param>
    /// <param name="leaseSeconds">With it, the bots run as active and standby on a leadership lease of that length (PostgreSQL only).</param>
    public static async Task<ProcessWorld> StartAsync(
        TimeSpan brokerLatency, double placementDeadlineSeconds, EventStoreKind kind = EventStoreKind.Sqlite, double? leaseSeconds = null)
    {
        var folder = Directory.CreateTempSubdirectory("bot-processes-").FullName;
        var chain = await ScenarioChain.StartAsync(TimeProvider.System, deploymentBlock: 0, blockTime: TimeSpan.FromMilliseconds(100));
        var world = new ProcessWorld(folder, chain, await BrokerSimulator.StartAsync(Path.Combine(folder, "broker-journal.jsonl"), brokerLatency))
        {
            Store = new ScenarioStore(kind),
        };
        var config = new
        {
            eventStore = kind == EventStoreKind.Postgres ? "Postgres" : "Sqlite",
            postgres = kind == EventStoreKind.Postgres ? new { connection = world.Store.PostgresConnection } : null,
            wsRpcUrl = chain.Node.WebSocketUri,
            orderbook = ScenarioChain.Orderbook,
            orderOwner = ScenarioChain.BotOwner,
            deploymentBlock = 0,
            requiredConfirmations = 1,
            watchdogIntervalSeconds = 0.5,
            alpaca = new { baseUrl = world.Broker.Url, apiKey = "AKPROCESSTEST", apiSecret = "process-test-secret", accountId = BrokerSimulator.AccountId },
            orderStatusIntervalSeconds = 0.3,
            positionCheckIntervalSeconds = 0.3,
            placementDeadlineSeconds,
            requestTimeoutSeconds = 5,
            ha = leaseSeconds is { } lease ? new { mode = "active-standby", leaseSeconds = lease } : null,
            operatorApi = leaseSeconds is null ? null : new { token = OperatorToken },
        };
        await File.WriteAllTextAsync(world.ConfigPath, JsonSerializer.Serialize(config));
        return world;
    }

    /// <summary>A taker takes the bot's order: the bot sells <paramref name="shares"/> of <paramref name="token"/> at $100; the transaction's hash.</summary>
    public string Sale(string token, decimal shares) => Chain.Trades.Take(token, Direction.Sell, shares, 100m);

    public IReadOnlyList<Domain.Execution.Alpaca.AlpacaOrderRequest> Journal() => BrokerSimulator.ReadJournal(Broker.JournalPath);

    /// <summary>What the bot's database holds, read through a connection of the test's own.</summary>
    public Snapshot Read()
    {
        using var database = Store.Kind == EventStoreKind.Sqlite ? SqliteDatabase.OpenFile(DatabasePath, TimeProvider.System) : Store.Open(TimeProvider.System);
        using var read = database.BeginRead();
        var queue = read.EventQueue.All();
        return new Snapshot(
            database.ReadEventLog(),
            queue.Count(row => row.Processed),
            queue.Count,
            new OffchainOrderView(database).All(),
            new PositionView(database).All());
    }

    public string IntegrityCheck()
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }

    /// <summary>Waits (reading the database every 200 ms) until the condition holds; returns the last snapshot.</summary>
    public async Task<Snapshot> WaitForAsync(Func<Snapshot, bool> condition, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            var snapshot = Read();
            if (condition(snapshot) || DateTime.UtcNow > deadline)
                return snapshot;
            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Chain.DisposeAsync();
        await Broker.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Store.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    public sealed record Snapshot(
        IReadOnlyList<RecordedEvent> Events, int Processed, int Queued, IReadOnlyList<TrackedOrder> Orders, IReadOnlyList<Position> Positions)
    {
        public bool Settled(int fills) =>
            Processed == fills && Queued == fills
            && Orders.All(order => order.Order.IsTerminal)
            && Positions.All(position => position.Net.Value == 0m && position.PendingExecutionId is null);
    }
}
