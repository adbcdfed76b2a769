using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.Hosting;
using TradingBot.Acceptance.Domain.OffchainOrders;
using TradingBot.Acceptance.Domain.Positions;
using TradingBot.Acceptance.Support.TestData;
using TradingBot.Acceptance.Domain.Risk;
using TradingBot.Acceptance.Support.EventStores;

namespace TradingBot.Acceptance.Support.World;

/// <summary>
/// The one world of a scenario: one clock (<see cref="ScenarioClock"/>, one start time), one database,
/// one broker double per broker kind (<see cref="ScenarioBroker"/>), and the bot composed by
/// <see cref="BotComposition"/> from what the Given steps chose: the broker, the threshold, and whether
/// events live in memory or in a file (or, on a PostgreSQL run, in a schema of their own: <see cref="ScenarioStore"/>). A driver runs the bot's jobs one at a time (<see cref="Bot"/>),
/// or the hosted bot runs them by itself on the same database and clock (<see cref="Hosted"/>, <c>@e2e</c>).
/// "The bot restarts" closes the database and opens the same file again.
/// </summary>
public sealed class ScenarioWorld(ScenarioClock clock, ScenarioBroker broker) : IDisposable
{
    private FractionalShares thresholdShares = new(1m);
    private readonly ScenarioStore store = new();
    private RiskSettings risk = RiskSettings.None;
    private EventStoreDatabase? database;
    private Bot? bot;

    public ScenarioClock Clock => clock;

    public ScenarioBroker Broker => broker;

    /// <summary>The bot's event store; the first call opens it.</summary>
    public EventStoreDatabase Database => database ??= Open();

    /// <summary>The bot's positions, as its view holds them now.</summary>
    public PositionView Positions => new(Database);

    /// <summary>The bot's broker orders, as its view holds them now.</summary>
    public OffchainOrderView Orders => new(Database);

    /// <summary>Whether the bot has touched its database yet (a failed scenario's report shows its event log only then).</summary>
    public bool Started => database is not null;

    /// <summary>The bot whose jobs drivers run one at a time; the first call composes it.</summary>
    public Bot Bot => bot ??= new Bot(new BotComposition(Database, Brokers(), clock, Settings(), risk));

    /// <summary>
    /// Changes the pre-trade controls: before the bot starts they are what it starts with (none bind by default);
    /// once it runs, an operator's change, which applies to the next hedge decision.
    /// </summary>
    public void UseControls(Func<RiskSettings, RiskSettings> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        risk = change(bot?.Composition.Risk.Settings ?? risk);
        bot?.Composition.Risk.Use(risk);
    }

    /// <summary>The bot hedges on <paramref name="main"/> and falls back to <paramref name="fallback"/>, each over HTTP to its simulator.</summary>
    public void UseBrokers(SupportedExecutor main, SupportedExecutor fallback)
    {
        EnsureNotStarted("the brokers");
        broker.FallBack(main, fallback);
    }

    /// <summary>The share threshold of the share-threshold brokers (dry-run, Schwab); Alpaca keeps its $2.</summary>
    public void UseThreshold(FractionalShares shares)
    {
        if (shares.Value <= 0m)
            throw new ArgumentOutOfRangeException(nameof(shares), shares, $"The execution threshold must be more than 0 shares, was {shares}.");
        EnsureNotStarted("the execution threshold");
        thresholdShares = shares;
    }

    public void UseBroker(SupportedExecutor kind)
    {
        EnsureNotStarted("the broker");
        broker.Mock.WithKind(kind);
    }

    /// <summary>Events go to a temporary database file, so that the bot can restart on it.</summary>
    public void KeepEventsInFile()
    {
        if (store.Durable)
            return;
        EnsureNotStarted("where the events are kept");
        store.KeepDurable();
    }

    /// <summary>What the hosted bot is made of in this world: its database, broker, clock and settings, paced by <paramref name="options"/>.</summary>
    public BotComponents Hosted(BotOptions options)
    {
        EnsureCanHedge();
        return new BotComponents(Database, broker.Executor, clock, options, Settings())
        {
            Maintenance = broker.Maintenance(options.ExecutorMaintenanceInterval),
            Fallback = broker.FallbackExecutor,
            Risk = risk,
        };
    }

    /// <summary>Stops the bot and starts a new one on the same database file; it resumes from the event store.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        CloseDatabase();
        await Bot.StartAsync(cancellationToken);
    }

    /// <summary>The process stops: the database closes, and the next use opens the same file again.</summary>
    public void CloseDatabase()
    {
        if (!store.Durable)
            throw new InvalidOperationException("The bot can only restart on a database file: add 'Given the bot keeps its events in a database file'.");
        bot = null;
        database?.Dispose();
        database = null;
    }

    /// <summary>The broker's threshold, and the scenarios' universe of symbols as the bot's configured list (§2).</summary>
    public HedgingSettings Settings() =>
        HedgingSettings.ForExecutor(broker.Kind, thresholdShares.Value) with { KnownSymbols = ScenarioDefaults.KnownSymbols.ToHashSet() };

    public void Dispose()
    {
        bot = null;
        database?.Dispose();
        database = null;
        store.Dispose();
    }

    private BrokerRoute Brokers() => new(broker.Executor, broker.FallbackExecutor);

    private EventStoreDatabase Open()
    {
        EnsureCanHedge();
        return store.Open(clock);
    }

    private void EnsureCanHedge()
    {
        if (broker.OverHttp && !broker.SpeaksHttp)
            throw new InvalidOperationException($"Only the Alpaca and Schwab brokers speak HTTP here, but the scenario chose the {broker.Mock.Kind} broker.");
    }

    private void EnsureNotStarted(string what)
    {
        if (database is not null)
            throw new InvalidOperationException($"Choose {what} before the bot starts trading: move that Given step before the first fill.");
    }
}
