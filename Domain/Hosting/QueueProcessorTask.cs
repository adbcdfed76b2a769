using System.Diagnostics;
using TradingBot.Acceptance.Domain.Hedging;

namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>
/// Drains the event queue through the conductor whenever the writer added rows, and once at start (a
/// restart resumes what was left). A batch of rows is one unit of work: their trades' shared transaction,
/// the broker calls of the hedges they triggered and the recording of the answers. A shutdown stops between batches.
/// While it drains, the order status poller waits between its units (<see cref="HedgingTurn"/>).
/// </summary>
public sealed class QueueProcessorTask(
    EventQueueProcessor processor, BotChannels channels, BotActivity activity, HedgingTurn turn, ActivitySource? tracing = null) : IBotTask
{
    private long processed;

    public string Name => "queue-processor";

    /// <summary>Rows processed since start (dead letters included).</summary>
    public long Processed => Interlocked.Read(ref processed);

    public async Task RunAsync(CancellationToken stopping, CancellationToken abort)
    {
        var wakeUps = channels.QueueChanged.Reader;
        await DrainAsync(stopping, abort).ConfigureAwait(false);
        while (await activity.IdleWhileAsync(() => wakeUps.WaitToReadAsync(stopping).AsTask()).ConfigureAwait(false))
        {
            wakeUps.TryRead(out _);
            await DrainAsync(stopping, abort).ConfigureAwait(false);
        }
    }

    // The rebalancing trigger is told once the queue is drained, not after each row: a catch-up passes every
    // event since the last anyway, and hedging goes first.
    private async Task DrainAsync(CancellationToken stopping, CancellationToken abort)
    {
        turn.DrainStarted();
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                using var traced = tracing?.StartActivity("queue.batch");
                var steps = await processor.ProcessBatchAsync(EventQueueProcessor.DefaultBatchSize, abort).ConfigureAwait(false);
                traced?.AddTag("rows", steps.Count);
                if (steps.Count == 0)
                    return;
                Interlocked.Add(ref processed, steps.Count);
                turn.BatchDone();
            }

            await processor.RecordWaitingAnswersAsync(abort).ConfigureAwait(false); // stopped between batches: nothing follows
        }
        finally
        {
            turn.DrainEnded();
            channels.Committed();
        }
    }
}
