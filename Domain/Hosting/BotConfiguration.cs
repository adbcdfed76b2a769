using Npgsql;
using TradingBot.Acceptance.Domain.Chain;
using TradingBot.Acceptance.Domain.EventSourcing.Postgres;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.Hosting.OperatorSurface;
using TradingBot.Acceptance.Domain.Risk;

namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>
/// The configuration file of the bot as a process (JSON, read by <see cref="ConfigurationFile"/>): where the
/// chain node and the orderbook are, the brokers (Alpaca's Broker API, Schwab's Trader API: the main one and an
/// optional fallback), the pre-trade controls, the pacing in seconds, and where the events are kept: a SQLite file
/// (the default, <c>--database</c>) or, with <c>"eventStore": "postgres"</c>, the PostgreSQL store of <c>postgres.connection</c>.
/// </summary>
public sealed record BotConfiguration : IConfigurationCheck
{
    /// <summary>The node's WebSocket JSON-RPC endpoint, e.g. <c>wss://base-mainnet.example/ws</c>.</summary>
    public required Uri WsRpcUrl { get; init; }

    public required string Orderbook { get; init; }

    /// <summary>The owner of the bot's orders in the orderbook.</summary>
    public required string OrderOwner { get; init; }

    public long DeploymentBlock { get; init; }

    public int RequiredConfirmations { get; init; } = 3;

    /// <summary>How often the stall watchdog asks the node's tip.</summary>
    public double WatchdogIntervalSeconds { get; init; } = 5;


    /// <summary>Required when the main or the fallback broker is Alpaca.</summary>
    public AlpacaSection? Alpaca { get; init; }

    /// <summary>Required when the main or the fallback broker is Schwab.</summary>
    public SchwabSection? Schwab { get; init; }

    public double OrderStatusIntervalSeconds { get; init; } = 15;

    public double PositionCheckIntervalSeconds { get; init; } = 60;

    /// <summary>How long other instances leave an order being placed to its placer (see HedgingGuards).</summary>
    public double PlacementDeadlineSeconds { get; init; } = 180;

    public double RequestTimeoutSeconds { get; init; } = 30;

    /// <summary>The symbols the bot hedges besides those its vault registry discovers (§2); absent, every symbol is hedged.</summary>
    public IReadOnlyList<string>? Symbols { get; init; }

    public decimal? OrderLimitUsd { get; init; } = RiskSettings.Production.OrderLimit!.Value.Value;

    public decimal? DailyLimitUsd { get; init; } = RiskSettings.Production.DailyLimit!.Value.Value;

    public int? KillSwitchAfterFailures { get; init; } = RiskSettings.Production.KillSwitchAfterFailures;

    public bool AutoResetDaily { get; init; }

    /// <summary>alpaca or schwab (the process has no dry-run broker).</summary>
    public string Broker { get; init; } = "alpaca";

    public string? FallbackBroker { get; init; }

    /// <summary>The operator HTTP API (§14.4); without the section the bot runs without one.</summary>
    public OperatorApiSection? OperatorApi { get; init; }

    public EventStoreKind EventStore { get; init; } = EventStoreKind.Sqlite;

    public PostgresSection? Postgres { get; init; }

    /// <summary>Active and standby on the PostgreSQL store; without it every instance runs.</summary>
    public HaSection? Ha { get; init; }

    /// <summary>The fence of this instance when it is one of an active/standby pair, else <c>null</c>.</summary>
    public LeadershipFence? Fence(string instanceId, TimeProvider clock) =>
        Ha is { IsActiveStandby: true } ha ? new LeadershipFence(instanceId, ha.Lease, clock) : null;

    /// <exception cref="BotConfigurationException">The file is missing or not a valid configuration.</exception>
    public static BotConfiguration Load(string path) => ConfigurationFile.Read<BotConfiguration>(path).Checked(path);

    /// <summary>This configuration, once every symbol is a ticker.</summary>
    /// <exception cref="BotConfigurationException">A symbol is not a ticker: the message names the file and the value.</exception>
    public BotConfiguration Checked(string path)
    {
        foreach (var symbol in Symbols ?? [])
            if (symbol is not { Length: > 0 } || !symbol.All(character => char.IsAsciiLetterUpper(character) || char.IsAsciiDigit(character) || character == '.'))
                throw new BotConfigurationException($"{path}: \"symbols\": '{symbol}' is not a ticker such as AAPL (upper-case letters, digits and '.')");
        return this;
    }

    /// <summary>How the process hedges on <paramref name="executor"/>: the executor's threshold, and the configured symbols.</summary>
    public HedgingSettings Hedging(SupportedExecutor executor) =>
        HedgingSettings.ForExecutor(executor) with { KnownSymbols = Symbols?.Select(symbol => new Symbol(symbol)).ToHashSet() };

    /// <summary>The operator API's settings, or <c>null</c> when the configuration has none or turns it off.</summary>
    /// <exception cref="RiskSettingException">A setting of the <c>operatorApi</c> section is missing or out of range (<see cref="Check"/> tells first).</exception>
    public OperatorApiSettings? OperatorApiSettings() => OperatorApi?.ToSettings();

    /// <summary>The hosted bot's options; the jitter of the status polls is a third of their interval.</summary>
    public BotOptions ToOptions() => new()
    {
        Chain = new ChainReaderOptions(WsRpcUrl, new OrderbookSettings(Orderbook, OrderOwner, DeploymentBlock, RequiredConfirmations))
        {
            WatchdogInterval = TimeSpan.FromSeconds(WatchdogIntervalSeconds),
            RequestTimeout = TimeSpan.FromSeconds(RequestTimeoutSeconds),
        },
        OrderStatusInterval = TimeSpan.FromSeconds(OrderStatusIntervalSeconds),
        OrderStatusMaxJitter = TimeSpan.FromSeconds(OrderStatusIntervalSeconds / 3),
        PositionCheckInterval = TimeSpan.FromSeconds(PositionCheckIntervalSeconds),
        PlacementDeadline = TimeSpan.FromSeconds(PlacementDeadlineSeconds),
        OrderLimitUsd = OrderLimitUsd,
        DailyLimitUsd = DailyLimitUsd,
        KillSwitchAfterFailures = KillSwitchAfterFailures,
        AutoResetDaily = AutoResetDaily,
        Broker = Broker,
        FallbackBroker = FallbackBroker,
    };

    public void Check()
    {
        _ = OperatorApiSettings();
        Ha?.Check(EventStore);
        var options = ToOptions();
        options.Check();
        var (main, fallback) = options.Brokers();
        if (main == SupportedExecutor.DryRun)
            throw new RiskSettingException(ControlConfiguration.BrokerKey, $"\"{ControlConfiguration.BrokerKey}\" is dry-run, which only scenarios and tests use: the bot hedges on alpaca or schwab");
        foreach (var kind in fallback is { } second ? [main, second] : new[] { main })
        {
            if (kind == SupportedExecutor.Schwab && Schwab is null)
                throw new RiskSettingException(ControlConfiguration.BrokerKey, "the \"schwab\" section is required when the main or fallback broker is schwab");
            if (kind == SupportedExecutor.AlpacaBrokerApi && Alpaca is null)
                throw new RiskSettingException(ControlConfiguration.BrokerKey, "the \"alpaca\" section is required when the main or fallback broker is alpaca");
        }
    }
}

/// <summary>
/// Opens the configured event store: the SQLite file at <paramref name="databasePath"/>, or the PostgreSQL store.
/// </summary>
/// <exception cref="BotConfigurationException">The store's setting is missing.</exception>
/// <exception cref="DatabaseFileException">The SQLite file cannot be used.</exception>
/// <exception cref="EventStoreServerException">The PostgreSQL store cannot be used.</exception>
public static class ConfiguredEventStore
{
    /// <param name="fence">With it, the PostgreSQL store refuses this instance's writes unless it holds the leadership lease.</param>
    public static EventStoreDatabase Open(BotConfiguration config, string? databasePath, TimeProvider clock, LeadershipFence? fence = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.EventStore switch
        {
            EventStoreKind.Postgres => PostgresDatabase.Open(
                config.Postgres?.Connection ?? throw new BotConfigurationException("eventStore is postgres, but postgres.connection is missing."), clock, fence),
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

/// <summary>The Schwab Trader API the bot hedges on; <see cref="ToString"/> keeps the secrets out of logs.</summary>
public sealed record SchwabSection(Uri BaseUrl, string AppKey, string AppSecret, string RefreshToken, string AccountHash)
{
    public override string ToString() => $"Schwab Trader API at {BaseUrl}, app key ***";
}
