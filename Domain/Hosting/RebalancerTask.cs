using TradingBot.Acceptance.Domain.Rebalancing;
using TradingBot.Acceptance.Domain.Timing;

namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>
/// Runs the Rebalancer (§8.4): takes the trigger's operations one at a time and awaits each whole workflow.
/// A workflow's waits go idle on the clock. After a move that failed, the next operation starts only once a
/// pause has passed (doubling after each failure in a row, up to <see cref="BotOptions.RebalancingPauseMax"/>),
/// since the trigger sends the same move again at once. A shutdown starts no new operation, lets the step
/// under way finish and ends the workflow at its next wait (its guard is rebuilt from the store at the next start).
/// </summary>
public sealed class RebalancerTask(RebalancingSide side, BotClockWait waits, BotOptions options, BotActivity activity, TimeProvider clock) : IBotTask
{
    private long executed;
    private long failed;

    public string Name => "rebalancer";

    /// <summary>Operations taken from the channel since start.</summary>
    public long Executed => Interlocked.Read(ref executed);

    /// <summary>Of those, the moves that failed or stopped early.</summary>
    public long Failed => Interlocked.Read(ref failed);

    public async Task RunAsync(CancellationToken stopping, CancellationToken abort)
    {
        waits.StopOn(stopping);
        var pause = new Backoff(options.RebalancingPauseInitial, options.RebalancingPauseMax);
        var resumeAt = DateTimeOffset.MinValue;
        var operations = side.Trigger.Operations;
        while (await activity.IdleWhileAsync(() => operations.WaitToReadAsync(stopping).AsTask()).ConfigureAwait(false))
        {
            if (stopping.IsCancellationRequested || !operations.TryRead(out var operation))
                continue;
            // Taken from the channel first: while the pause runs nothing waits in it, and the bot is quiescent.
            await activity.IdleForAsync(resumeAt - clock.GetUtcNow(), stopping).ConfigureAwait(false);
            var completed = await side.Rebalancer.ExecuteAsync(operation, abort).ConfigureAwait(false);
            Interlocked.Increment(ref executed);
            if (completed)
            {
                pause.Reset();
                resumeAt = DateTimeOffset.MinValue;
                continue;
            }

            Interlocked.Increment(ref failed);
            resumeAt = clock.GetUtcNow() + pause.Next();
        }
    }
}
