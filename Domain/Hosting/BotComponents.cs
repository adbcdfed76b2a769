using Microsoft.Extensions.Logging;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Hedging;

namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>
/// What a running bot is made of: its database (owned by the caller, so a restart can reopen the same
/// file), its broker, its clock (the one clock every task waits on), its pacing, its rebalancing side
/// (optional), the executor's upkeep and any further task that plugs in.
/// </summary>
public sealed record BotComponents(EventStoreDatabase Database, IExecutor Executor, TimeProvider Clock, BotOptions Options, HedgingSettings Settings)
{
    /// <summary>Seeds the jitter of reconnects and polls; <c>null</c> draws it at random.</summary>
    public int? Seed { get; init; }

    public ILoggerFactory? Loggers { get; init; }

    public IExecutorMaintenance? Maintenance { get; init; }

    /// <summary>With it, the bot also runs the rebalancing trigger, the rebalancer and the inventory poller.</summary>
    public RebalancingComponents? Rebalancing { get; init; }

    /// <summary>More tasks to run beside the hedging ones, built once the bot's services exist.</summary>
    public IReadOnlyList<Func<IServiceProvider, IBotTask>> OptionalTasks { get; init; } = [];
}
