using Microsoft.Extensions.Time.Testing;

namespace TradingBot.Acceptance.Support.Fakes;

/// <summary>
/// A fake clock that tells when code starts waiting on it. Work that waits (a Retry-After, a backoff,
/// a request timeout) is started, the test awaits the matching timer, then advances the clock past it:
/// advancing earlier would pass before the timer exists and leave the work waiting forever.
/// </summary>
public sealed class TimerAwareFakeTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    /// <summary>How long a test waits, in real time, for a timer before it reports the work never waited.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly Lock gate = new();
    private readonly List<WatchedTimer> unclaimedTimers = [];
    private readonly List<(Func<TimeSpan, bool> Matches, TaskCompletionSource<TimeSpan> Found)> waiters = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new WatchedTimer(this, base.CreateTimer(callback, state, dueTime, period), dueTime);
        Started(timer);
        return timer;
    }

    /// <summary>A timer was created or re-armed (a CancellationTokenSource arms its timer with CancelAfter).</summary>
    private void Started(WatchedTimer timer)
    {
        if (timer.DueTime == Timeout.InfiniteTimeSpan)
            return;
        lock (gate)
        {
            var waiter = waiters.FindIndex(candidate => candidate.Matches(timer.DueTime));
            if (waiter < 0)
            {
                unclaimedTimers.Add(timer);
                return;
            }
            waiters[waiter].Found.TrySetResult(timer.DueTime);
            waiters.RemoveAt(waiter);
        }
    }

    /// <summary>Waits until a timer whose due time matches has been started (and not claimed before); returns its due time.</summary>
    public async Task<TimeSpan> NextTimerAsync(Func<TimeSpan, bool> dueTimeMatches)
    {
        var found = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            // A disposed timer belongs to work that already finished (an earlier attempt's timeout).
            unclaimedTimers.RemoveAll(timer => timer.Disposed);
            var index = unclaimedTimers.FindIndex(timer => dueTimeMatches(timer.DueTime));
            if (index >= 0)
            {
                var dueTime = unclaimedTimers[index].DueTime;
                unclaimedTimers.RemoveAt(index);
                return dueTime;
            }
            waiters.Add((dueTimeMatches, found));
        }
        try
        {
            return await found.Task.WaitAsync(Patience).ConfigureAwait(false);
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"No matching timer was started within {Patience.TotalSeconds} s of real time: the work never waited on the clock.", exception);
        }
    }

    /// <summary>Waits until something waits <paramref name="dueTime"/> on the clock, then advances the clock by it.</summary>
    public async Task AdvancePastTimerAsync(TimeSpan dueTime)
    {
        await NextTimerAsync(candidate => candidate == dueTime).ConfigureAwait(false);
        Advance(dueTime);
    }

    /// <summary>Waits for the next matching timer, advances past it and returns how far the clock moved.</summary>
    public async Task<TimeSpan> AdvancePastNextTimerAsync(Func<TimeSpan, bool> dueTimeMatches)
    {
        var dueTime = await NextTimerAsync(dueTimeMatches).ConfigureAwait(false);
        Advance(dueTime);
        return dueTime;
    }

    /// <summary>Remembers whether the timer was disposed, so only live waits are matched.</summary>
    private sealed class WatchedTimer(TimerAwareFakeTimeProvider clock, ITimer inner, TimeSpan dueTime) : ITimer
    {
        private volatile bool disposed;

        public TimeSpan DueTime { get; private set; } = dueTime;

        public bool Disposed => disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            DueTime = dueTime;
            clock.Started(this);
            return changed;
        }

        public void Dispose()
        {
            disposed = true;
            inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            disposed = true;
            return inner.DisposeAsync();
        }
    }
}
