using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.EventSourcing.Postgres;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.Hosting.OperatorSurface;
using TradingBot.Acceptance.Domain.OrderStatus;
using TradingBot.Acceptance.Domain.Rebalancing;
using TradingBot.Acceptance.Domain.Risk;

namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>
/// The whole bot as one program on <c>Microsoft.Extensions.Hosting</c>: chain reader, queue processor, order status poller, position checker, rebalancing trigger, rebalancer,
/// inventory poller, executor maintenance and any further task, each its own supervised loop, all on one
/// clock. Start (restoring the rebalancing side from the store), stop (gracefully), and start again on the
/// same database. On a fenced PostgreSQL store (active/standby) the tasks run only while this instance holds the
/// leadership lease.
/// </summary>
public sealed class HostedBot : IAsyncDisposable
{
    private readonly IHost host;

    private HostedBot(IHost host)
    {
        this.host = host;
        Activity = host.Services.GetRequiredService<BotActivity>();
        Reader = host.Services.GetRequiredService<ChainReaderTask>();
        Processor = host.Services.GetRequiredService<QueueProcessorTask>();
        Tasks = host.Services.GetRequiredService<BotConductorService>();
        Rebalancing = host.Services.GetService<RebalancingSide>();
    }

    public BotActivity Activity { get; }

    /// <summary>The chain reader: the orderbook's logs from the node into the event queue.</summary>
    public ChainReaderTask Reader { get; }

    public QueueProcessorTask Processor { get; }

    /// <summary>The conductor of the tasks, with one supervisor per task (faults and restarts).</summary>
    public BotConductorService Tasks { get; }

    /// <summary>The operator API, once the bot has started with one.</summary>
    public OperatorApi? OperatorApi => host.Services.GetService<OperatorApiService>()?.Api;

    /// <summary>The rebalancing side, when the bot was given one.</summary>
    public RebalancingSide? Rebalancing { get; }

    public IServiceProvider Services => host.Services;

    public static HostedBot Create(BotComponents components)
    {
        ArgumentNullException.ThrowIfNull(components);
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = components.Options.ShutdownDeadline + TimeSpan.FromSeconds(5));
        builder.Services.AddSingleton(components.Loggers ?? NullLoggerFactory.Instance);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        AddHedging(builder.Services, components);
        AddTasks(builder.Services, components);
        if (components.Database is PostgresDatabase { Fence: { } fence } postgres)
            builder.Services.AddSingleton(provider => ActivatorUtilities.CreateInstance<LeadershipLease>(provider, postgres.LeaseStore(), fence));
        if (components.Rebalancing is { } rebalancing)
            AddRebalancing(builder.Services, components, rebalancing);
        // Registered before the conductor, so it stops after it: a graceful stop is not held up by Kestrel's, and the
        // operator can read the status until the tasks have finished.
        if (components.OperatorApi is { } operatorApi)
            AddOperatorApi(builder.Services, operatorApi);
        AddConductor(builder.Services);
        return new HostedBot(builder.Build());
    }

    /// <summary>Restores the rebalancing guards and inventory from the store (§10), then starts every task.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Rebalancing is { } side)
        {
            var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RebalancingRecovery).FullName!);
            await RebalancingRecovery.RestoreAsync(side, logger, cancellationToken).ConfigureAwait(false);
        }

        await host.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops taking new work, lets each task finish its unit of work until the deadline, then returns.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => host.StopAsync(cancellationToken);

    /// <summary>Waits until no task is busy, no message waits, and <paramref name="condition"/> holds.</summary>
    public Task WaitUntilQuiescentAsync(Func<bool> condition, CancellationToken cancellationToken) =>
        Activity.WaitUntilQuiescentAsync(condition, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (host is IAsyncDisposable asyncDisposable)
            await asyncDisposable.DisposeAsync().ConfigureAwait(false);
        else
            host.Dispose();
    }

    private static void AddHedging(IServiceCollection services, BotComponents components)
    {
        var bot = new BotComposition(
            components.Database, new BrokerRoute(components.Executor, components.Fallback), components.Clock, components.Settings, components.Risk,
            components.Options.PlacementDeadline);
        var loggers = components.Loggers ?? NullLoggerFactory.Instance;
        bot.Conductor.Doubts.Logger = loggers.CreateLogger<OrdersInDoubt>();
        bot.Risk.Logger = loggers.CreateLogger<RiskControls>();
        services.AddSingleton(bot);
        services.AddSingleton(bot.Database);
        services.AddSingleton(bot.Executor);
        services.AddSingleton(bot.Clock);
        services.AddSingleton(components.Options);
        if (components.Tracing is { } tracing)
            services.AddSingleton(tracing);
        services.AddSingleton(bot.Settings);
        services.AddSingleton(bot.Guards);
        services.AddSingleton(bot.Conductor);
        services.AddSingleton(bot.Poller);
        services.AddSingleton(bot.Brokers);
        services.AddSingleton(bot.Risk);
        services.AddSingleton(bot.Queue);
        services.AddSingleton(provider => new BotActivity(components.Clock));
        services.AddSingleton<BotChannels>();
        services.AddSingleton<HedgingTurn>();
    }

    private static void AddTasks(IServiceCollection services, BotComponents components)
    {
        var seed = components.Seed;
        Random NewRandom(int offset) => seed is { } fixedSeed ? new Random(fixedSeed + offset) : new Random();
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<ChainReaderTask>(provider, NewRandom(1)));
        services.AddSingleton<QueueProcessorTask>();
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<OrderStatusPollerTask>(provider, NewRandom(2)));
        services.AddSingleton<PositionCheckerTask>();
        services.AddSingleton<IBotTask>(provider => provider.GetRequiredService<ChainReaderTask>());
        services.AddSingleton<IBotTask>(provider => provider.GetRequiredService<QueueProcessorTask>());
        services.AddSingleton<IBotTask>(provider => provider.GetRequiredService<OrderStatusPollerTask>());
        services.AddSingleton<IBotTask>(provider => provider.GetRequiredService<PositionCheckerTask>());
        if (components.Maintenance is { } maintenance)
            services.AddSingleton<IBotTask>(provider => new ExecutorMaintenanceTask(maintenance, components.Options, provider.GetRequiredService<BotActivity>()));
        foreach (var optional in components.OptionalTasks)
            services.AddSingleton(optional);
    }

    private static void AddRebalancing(IServiceCollection services, BotComponents components, RebalancingComponents rebalancing)
    {
        services.AddSingleton<BotClockWait>();
        services.AddSingleton(provider =>
        {
            var wait = provider.GetRequiredService<BotClockWait>();
            var side = provider.GetRequiredService<BotComposition>().Rebalancing(
                rebalancing.Config, rebalancing.Connect(wait), wait, provider.GetRequiredService<ILoggerFactory>());
            var activity = provider.GetRequiredService<BotActivity>();
            var channels = provider.GetRequiredService<BotChannels>();
            activity.Watch(() => side.Trigger.Operations.Count);
            activity.Watch(() => channels.EventsCommitted.Reader.Count);
            return side;
        });
        services.AddSingleton(provider => new InventoryPoller(
            provider.GetRequiredService<RebalancingSide>().Store, rebalancing.Config, rebalancing.InventorySources,
            provider.GetRequiredService<ILogger<InventoryPoller>>()));
        services.AddSingleton<RebalancingTriggerTask>();
        services.AddSingleton<RebalancerTask>();
        services.AddSingleton<InventoryPollerTask>();
        services.AddSingleton<IBotTask>(provider => provider.GetRequiredService<RebalancingTriggerTask>());
        services.AddSingleton<IBotTask>(provider => provider.GetRequiredService<RebalancerTask>());
        services.AddSingleton<IBotTask>(provider => provider.GetRequiredService<InventoryPollerTask>());
    }

    private static void AddOperatorApi(IServiceCollection services, OperatorApiSettings settings)
    {
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<OperatorApiService>(provider, settings));
        services.AddHostedService(provider => provider.GetRequiredService<OperatorApiService>());
    }

    private static void AddConductor(IServiceCollection services)
    {
        services.AddSingleton<BotConductorService>();
        services.AddHostedService(provider => provider.GetRequiredService<BotConductorService>());
    }
}
