using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Support.Fakes;

using TradingBot.Acceptance.Support.World;

namespace TradingBot.Acceptance.Support.Hosting;

/// <summary>
/// Builds the real bot for one scenario, on first use, from what the Given steps chose: the broker, the
/// threshold, and whether events live in memory or in a file. "The bot restarts" disposes the running
/// bot and builds a new one on the same file.
/// </summary>
public sealed class BotHost(ScenarioClock clock, ScenarioBroker broker) : IDisposable
{
    private FractionalShares thresholdShares = new(1m);
    private string? databaseFile;
    private Bot? bot;

    public ScenarioClock Clock => clock;

    public ScenarioBroker Broker => broker;

    /// <summary>The running bot; the first call starts it.</summary>
    public Bot Bot => bot ??= Build();

    public bool Started => bot is not null;

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
        EnsureNotStarted("where the events are kept");
        databaseFile = Path.Combine(Path.GetTempPath(), $"trading-bot-{Guid.NewGuid():N}.db");
    }

    /// <summary>Stops the bot and starts a new one on the same database file; it resumes from the event store.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        if (databaseFile is null)
            throw new InvalidOperationException("The bot can only restart on a database file: add 'Given the bot keeps its events in a database file'.");
        bot?.Dispose();
        bot = null;
        bot = Build();
        await bot.StartAsync(cancellationToken);
    }

    public HedgingSettings Settings() => HedgingSettings.ForExecutor(broker.Kind, thresholdShares.Value);

    public void Dispose()
    {
        bot?.Dispose();
        bot = null;
        if (databaseFile is null)
            return;
        foreach (var file in new[] { databaseFile, databaseFile + "-wal", databaseFile + "-shm" })
            File.Delete(file);
    }

    private Bot Build()
    {
        if (broker.OverHttp && broker.Mock.Kind != SupportedExecutor.AlpacaBrokerApi)
            throw new InvalidOperationException($"Only the Alpaca broker speaks HTTP here, but the scenario chose the {broker.Mock.Kind} broker.");
        var database = databaseFile is null ? SqliteDatabase.InMemory(clock) : SqliteDatabase.OpenFile(databaseFile, clock);
        return new Bot(database, broker.Executor, clock, Settings());
    }

    private void EnsureNotStarted(string what)
    {
        if (bot is not null)
            throw new InvalidOperationException($"Choose {what} before the bot starts trading: move that Given step before the first fill.");
    }
}
