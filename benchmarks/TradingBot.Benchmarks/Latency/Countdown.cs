namespace TradingBot.Benchmarks.Latency;

/// <summary>Completes <see cref="Finished"/> when it has been signalled <c>count</c> times, from any thread.</summary>
internal sealed class Countdown(int count)
{
    private readonly TaskCompletionSource finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int left = count;

    public Task Finished => finished.Task;

    public void Signal()
    {
        if (Interlocked.Decrement(ref left) == 0)
            finished.SetResult();
    }
}
