using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.Hosting.OperatorSurface;
using TradingBot.Acceptance.Domain.Risk;

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

    /// <summary>The broker new hedges go to while <see cref="BotComponents.Executor"/> is down; none by default (DOMAIN §14.3).</summary>
    public IExecutor? Fallback { get; init; }

    /// <summary>The pre-trade controls (DOMAIN §14); none bind unless set.</summary>
    public RiskSettings Risk { get; init; } = RiskSettings.None;

    public IExecutorMaintenance? Maintenance { get; init; }

    /// <summary>With it, the bot also runs the rebalancing trigger, the rebalancer and the inventory poller.</summary>
    public RebalancingComponents? Rebalancing { get; init; }

    /// <summary>With it, the bot runs the operator API (§14.4) over its controls.</summary>
    public OperatorApiSettings? OperatorApi { get; init; }

    /// <summary>
    /// Where the path from a confirming block to a broker order is traced: the chain reader's releases
    /// (<c>chain.release</c>) and the queue processor's batches (<c>queue.batch</c>) as activities, with the work
    /// beside it that may delay them: the order status poller's cycles (<c>orders.poll</c>) and the position
    /// checker's ticks (<c>positions.check</c>); none by default.
    /// </summary>
    public ActivitySource? Tracing { get; init; }

    /// <summary>More tasks to run beside the hedging ones, built once the bot's services exist.</summary>
    public IReadOnlyList<Func<IServiceProvider, IBotTask>> OptionalTasks { get; init; } = [];
}
