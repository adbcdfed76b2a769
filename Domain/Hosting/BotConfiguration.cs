using Npgsql;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.EventSourcing.Postgres;

namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>
/// The configuration file of the bot as a process (JSON, read by <see cref="ConfigurationFile"/>): where the
/// chain feed is, the broker (Alpaca's Broker API), the pacing in seconds, and where the events are kept: a SQLite
/// file (the default, <c>--database</c>) or, with <c>"eventStore": "postgres"</c>, the PostgreSQL store of <c>postgres.connection</c>.
/// </summary>
public sealed record BotConfiguration
{
    public required Uri ChainFeed { get; init; }

    public long DeploymentBlock { get; init; }

    public required AlpacaSection Alpaca { get; init; }

    public double OrderStatusIntervalSeconds { get; init; } = 15;

    public double PositionCheckIntervalSeconds { get; init; } = 60;

    /// <summary>How long other instances leave an order being placed to its placer (see HedgingGuards).</summary>
    public double PlacementDeadlineSeconds { get; init; } = 180;

    public double RequestTimeoutSeconds { get; init; } = 30;

    public EventStoreKind EventStore { get; init; } = EventStoreKind.Sqlite;

    public PostgresSection? Postgres { get; init; }

    /// <exception cref="BotConfigurationException">The file is missing or not a valid configuration.</exception>
    public static BotConfiguration Load(string path) => ConfigurationFile.Read<BotConfiguration>(path);

    /// <summary>The hosted bot's options; the jitter of the status polls is a third of their interval.</summary>
    public BotOptions ToOptions() => new()
    {
        ChainFeed = ChainFeed,
        DeploymentBlock = DeploymentBlock,
        OrderStatusInterval = TimeSpan.FromSeconds(OrderStatusIntervalSeconds),
        OrderStatusMaxJitter = TimeSpan.FromSeconds(OrderStatusIntervalSeconds / 3),
        PositionCheckInterval = TimeSpan.FromSeconds(PositionCheckIntervalSeconds),
        PlacementDeadline = TimeSpan.FromSeconds(PlacementDeadlineSeconds),
    };
}

/// <summary>
/// Opens the configured event store: the SQLite file at <paramref name="databasePath"/>, or the PostgreSQL store.
/// </summary>
/// <exception cref="BotConfigurationException">The store's setting is missing.</exception>
/// <exception cref="DatabaseFileException">The SQLite file cannot be used.</exception>
/// <exception cref="EventStoreServerException">The PostgreSQL store cannot be used.</exception>
public static class ConfiguredEventStore
{
    public static EventStoreDatabase Open(BotConfiguration config, string? databasePath, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.EventStore switch
        {
            EventStoreKind.Postgres => PostgresDatabase.Open(
                config.Postgres?.Connection ?? throw new BotConfigurationException("eventStore is postgres, but postgres.connection is missing."), clock),
            _ => SqliteDatabase.OpenFile(databasePath ?? throw new BotConfigurationException("The SQLite event store needs its file: --database <bot.db>."), clock),
        };
    }
}

/// <summary>The PostgreSQL server of the event store; <see cref="ToString"/> keeps the password out of logs.</summary>
public sealed record PostgresSection(string Connection)
{
    public override string ToString()
    {
        try
        {
            var settings = new NpgsqlConnectionStringBuilder(Connection);
            return $"PostgreSQL at {settings.Host}:{settings.Port}, database {settings.Database}, password ***";
        }
        catch (ArgumentException)
        {
            return "PostgreSQL (a connection string that cannot be read)";
        }
    }
}

/// <summary>The Alpaca Broker API the bot hedges on; <see cref="ToString"/> keeps the secret out of logs.</summary>
public sealed record AlpacaSection(Uri BaseUrl, string ApiKey, string ApiSecret, string AccountId)
{
    public override string ToString() => $"Alpaca Broker API at {BaseUrl}, account {AccountId}, key ***";
}
