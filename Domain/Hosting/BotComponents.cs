using Microsoft.Extensions.Logging;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Hedging;

namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>
/// What a running bot is made of: its database (owned by the caller, so a restart can reopen the same
/// file), its broker, its clock, its pacing and the optional tasks that plug in (the rebalancer, the
/// inventory poller) or the executor's upkeep.
/// </summary>
public sealed record BotComponents(SqliteDatabase Database, IExecutor Executor, TimeProvider Clock, BotOptions Options, HedgingSettings Settings)
{
    /// <summary>Seeds the jitter of reconnects and polls; <c>null</c> draws it at random.</summary>
    public int? Seed { get; init; }

    public ILoggerFactory? Loggers { get; init; }

    public IExecutorMaintenance? Maintenance { get; init; }

    /// <summary>More tasks to run beside the hedging ones, built once the bot's services exist.</summary>
    public IReadOnlyList<Func<IServiceProvider, IBotTask>> OptionalTasks { get; init; } = [];
}
