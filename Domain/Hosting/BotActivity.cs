namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>
/// Tells when the running bot is quiescent: no task is doing work and no message waits in a channel.
/// A task counts as busy unless it is inside one of the idle waits below, so a timer that fires on the
/// (fake) clock marks its task busy before the clock's <c>Advance</c> returns: whoever advanced the
/// clock and then waits for quiescence also waits for the work that the tick started.
/// </summary>
public sealed class BotActivity(TimeProvider clock)
{
    private readonly Lock gate = new();
    private readonly List<Func<int>> queues = [];
    private TaskCompletionSource changed = NewPulse();
    private int busy;

    /// <summary>How many tasks are doing work right now.</summary>
    public int Busy => Volatile.Read(ref busy);

    /// <summary>No task busy and every watched channel empty.</summary>
    public bool IsQuiescent
    {
        get
        {
            lock (gate)
                return busy == 0 && queues.TrueForAll(depth => depth() == 0);
        }
    }

    /// <summary>Counts the messages waiting in a channel: the bot is not quiescent while any wait.</summary>
    public void Watch(Func<int> depth)
    {
        lock (gate)
            queues.Add(depth);
    }

    public void Enter() => Change(+1);

    public void Exit() => Change(-1);

    /// <summary>Idle while waiting on the clock; busy again the moment the timer fires (inside the clock's advance).</summary>
    public async Task IdleForAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (delay <= TimeSpan.Zero)
            return;
        var resumed = 0;
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The timer exists before the task counts as idle: whoever sees the bot quiescent and advances the clock fires it.
        using var timer = clock.CreateTimer(_ =>
        {
            if (Interlocked.Exchange(ref resumed, 1) == 0)
                Enter();
            fired.TrySetResult();
        }, null, delay, Timeout.InfiniteTimeSpan);
        Exit();
        try
        {
            await fired.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (Interlocked.Exchange(ref resumed, 1) == 0)
                Enter();
        }
    }

    /// <summary>Idle while waiting for something from outside (a channel, a socket); busy again once it came.</summary>
    public async Task<T> IdleWhileAsync<T>(Func<Task<T>> wait)
    {
        ArgumentNullException.ThrowIfNull(wait);
        Exit();
        try
        {
            return await wait().ConfigureAwait(false);
        }
        finally
        {
            Enter();
        }
    }

    /// <summary>
    /// Completes when the bot is quiescent and <paramref name="condition"/> holds, re-checking at every change
    /// of activity rather than polling. Use a cancellation token with a timeout as the safety net.
    /// </summary>
    public Task WaitUntilQuiescentAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return WaitUntilAsync(() => IsQuiescent && condition(), cancellationToken);
    }

    /// <summary>Completes when <paramref name="condition"/> holds, busy or not, re-checking at every change of activity.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        while (true)
        {
            Task next;
            lock (gate)
                next = changed.Task;
            if (condition())
                return;
            await next.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Wakes quiescence waiters when something outside the tasks changed (a channel was read).</summary>
    public void Pulse()
    {
        TaskCompletionSource previous;
        lock (gate)
        {
            previous = changed;
            changed = NewPulse();
        }

        previous.TrySetResult();
    }

    private void Change(int delta)
    {
        lock (gate)
            busy += delta;
        Pulse();
    }

    private static TaskCompletionSource NewPulse() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
