namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>
/// Hedging goes first (DOMAIN §6.4): the order status poller records a cycle of thousands of orders in units, and
/// before each one it lets the queue processor drain the fills waiting. Without it, a cycle took one core for a
/// second or two, and the fills arriving meanwhile (their decoding, hedging and broker call) waited for the CPU.
/// The poller waits until the queue processor has drained the queue, or has finished one more batch (under a
/// load the queue never empties, each takes its turn), or is itself waiting (on the clock, a broker's backoff):
/// then no other task is busy, and waiting longer would only hold the poller up.
/// </summary>
public sealed class HedgingTurn(BotActivity activity)
{
    private int draining;
    private long batches;

    /// <summary>The queue processor is draining the queue.</summary>
    public bool IsDraining => Volatile.Read(ref draining) > 0;

    public void DrainStarted() => Interlocked.Increment(ref draining);

    /// <summary>A batch is processed: a poller waiting for its turn takes it.</summary>
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
    /// Completes at once unless the queue processor is draining; then once it has drained, finished a batch, or no
    /// task but the caller (which counts as busy) is doing work.
    /// </summary>
    public ValueTask YieldAsync(CancellationToken cancellationToken)
    {
        if (!IsDraining)
            return ValueTask.CompletedTask;
        var since = Interlocked.Read(ref batches);
        return new ValueTask(activity.WaitUntilAsync(
            () => !IsDraining || Interlocked.Read(ref batches) != since || activity.Busy <= 1, cancellationToken));
    }
}
