namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>
/// Hedging goes first (DOMAIN §6.4): the order status poller records a cycle of thousands of orders in units, and
/// before each one it lets the queue processor drain the fills waiting. Without it, a cycle took one core for a
/// second or two, and the fills arriving meanwhile (their decoding, hedging and broker call) waited for the CPU.
/// The poller waits until the queue processor has drained the queue, or has finished <see cref="PatienceBatches"/>
/// more batches (under a load the queue never empties, the poller still gets a turn), or is itself waiting (on the
/// clock, a broker's backoff): then no other task is busy, and waiting longer would only hold the poller up.
/// </summary>
public sealed class HedgingTurn(BotActivity activity)
{
    /// <summary>
    /// Batches a waiting poller lets pass before it takes its turn anyway: a block's fills come in a few batches, which
    /// go first; a queue that never empties gets 8 batches (256 fills) to each unit of answers (32).
    /// </summary>
    public const int PatienceBatches = 8;

    private int draining;
    private long batches;

    /// <summary>The queue processor is draining the queue.</summary>
    public bool IsDraining => Volatile.Read(ref draining) > 0;

    public void DrainStarted() => Interlocked.Increment(ref draining);

    /// <summary>A batch is processed: a poller that has waited long enough takes its turn.</summary>
    public void BatchDone()
    {
        Interlocked.Increment(ref batches);
        activity.Pulse();
    }

    public void DrainEnded()
    {
        Interlocked.Decrement(ref draining);
        activity.Pulse();
    }

    /// <summary>
    /// Completes at once unless the queue processor is draining; then once it has drained, finished
    /// <see cref="PatienceBatches"/> batches, or no task but the caller (which counts as busy) is doing work.
    /// </summary>
    public ValueTask YieldAsync(CancellationToken cancellationToken)
    {
        if (!IsDraining)
            return ValueTask.CompletedTask;
        var until = Interlocked.Read(ref batches) + PatienceBatches;
        return new ValueTask(activity.WaitUntilAsync(
            () => !IsDraining || Interlocked.Read(ref batches) >= until || activity.Busy <= 1, cancellationToken));
    }
}
