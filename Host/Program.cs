using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.EventSourcing.Postgres;
using TradingBot.Acceptance.Domain.Execution.Alpaca;
using TradingBot.Acceptance.Domain.Execution.BrokerHttp;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.Hosting;
using TradingBot.Host;

// The hosted bot as a process: reads its configuration file, opens (or creates) its event store (a SQLite file, or
// the PostgreSQL store its configuration names), runs until SIGTERM or Ctrl+C, then stops gracefully. A refused
// store or configuration ends it with exit code 2 and a message naming what was refused and why.
string? configPath = null, databasePath = null, logPath = null;
for (var index = 0; index + 1 < args.Length; index += 2)
{
    switch (args[index])
    {
        case "--config": configPath = args[index + 1]; break;
        case "--database": databasePath = args[index + 1]; break;
        case "--log": logPath = args[index + 1]; break;
        default: return Usage($"unknown option {args[index]}");
    }
}

if (configPath is null)
    return Usage("--config is required");

BotConfiguration config;
EventStoreDatabase database;
var clock = TimeProvider.System;
try
{
    config = BotConfiguration.Load(configPath);
    database = ConfiguredEventStore.Open(config, databasePath, clock, config.Fence(HedgingGuards.NewInstanceId(), clock));
}
catch (Exception refused) when (refused is DatabaseFileException or EventStoreServerException or BotConfigurationException or IOException)
{
    await Console.Error.WriteLineAsync(refused.Message);
    return 2;
}

var storeName = database is PostgresDatabase postgres ? $"{postgres.Server}, database {postgres.Database}" : Path.GetFullPath(databasePath!);
using var operatorLog = new OperatorLog(Path.GetFullPath(logPath ?? (databasePath is null ? "trading-bot.log" : databasePath + ".log")));
using var loggers = LoggerFactory.Create(logging => logging.AddProvider(operatorLog));
var options = config.ToOptions();
var (mainBroker, fallbackBroker) = options.Brokers();
var requestTimeout = new BrokerHttpOptions { RequestTimeout = TimeSpan.FromSeconds(config.RequestTimeoutSeconds) };
using var brokerClients = new BrokerClients();
var executor = brokerClients.Connect(mainBroker, config, requestTimeout, clock);
var fallback = fallbackBroker is { } second ? brokerClients.Connect(second, config, requestTimeout, clock) : null;
var components = new BotComponents(database, executor, clock, options, config.Hedging(executor.Kind))
{
    Loggers = loggers,
    Fallback = fallback,
    Risk = options.Risk(),
    OperatorApi = config.OperatorApiSettings(),
};
await using var bot = HostedBot.Create(components);

// Not disposed: a signal handler may still run while the process exits.
var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, cancel) =>
{
    cancel.Cancel = true;
    stop.Cancel();
};
using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(
    System.Runtime.InteropServices.PosixSignal.SIGTERM, signal =>
    {
        signal.Cancel = true;
        stop.Cancel();
    });

await bot.StartAsync(CancellationToken.None);
Console.WriteLine($"database: {storeName}");
Console.WriteLine($"operator log: {operatorLog.Path}");
Console.WriteLine($"instance: {bot.Services.GetRequiredService<HedgingGuards>().InstanceId}");
Console.WriteLine($"broker: {(mainBroker == SupportedExecutor.Schwab ? config.Schwab : config.Alpaca)}");
if (fallbackBroker is not null)
    Console.WriteLine($"fallback broker: {(fallbackBroker == SupportedExecutor.Schwab ? config.Schwab : config.Alpaca)}");
if (database.Fence is { } fence)
    Console.WriteLine($"active/standby: leadership lease of {fence.Duration.TotalSeconds} s; the tasks run while this instance holds it");
if (bot.OperatorApi is { } operatorApi)
    Console.WriteLine($"operator API: {operatorApi.Address}");
Console.WriteLine("running");
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    // SIGTERM or Ctrl+C: a graceful stop follows.
}

await bot.StopAsync(CancellationToken.None);
database.Dispose();
Console.WriteLine("stopped");
return 0;

static int Usage(string problem)
{
    Console.Error.WriteLine($"{problem}. Usage: dotnet run --project Host -- --config <file.json> [--database <bot.db>] [--log <operator.log>]");
    return 2;
}
