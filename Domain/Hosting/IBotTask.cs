namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>
/// One of the bot's concurrent loops (chain event receiver, queue processor, order status poller, …).
/// The conductor runs every registered task under a supervisor that restarts it when it faults, so
/// optional tasks (the rebalancer, the inventory poller) plug in by registering one more.
/// </summary>
public interface IBotTask
{
    /// <summary>A short name for logs and diagnostics, e.g. <c>order-status-poller</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Runs the loop until <paramref name="stopping"/> is cancelled. The loop waits only through
    /// <see cref="BotActivity"/>'s idle waits (so the clock drives it and quiescence can be seen), stops
    /// taking new work when <paramref name="stopping"/> fires, and passes <paramref name="abort"/> to the
    /// unit of work under way, which is cancelled only when the shutdown deadline has passed.
    /// </summary>
    Task RunAsync(CancellationToken stopping, CancellationToken abort);
}
