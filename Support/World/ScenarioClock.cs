using Microsoft.Extensions.Time.Testing;

namespace TradingBot.Acceptance.Support.World;

/// <summary>
/// The one clock of a scenario's world: a fake clock that knows its timers. A driver can wait until the
/// bot starts waiting on it (a Retry-After, a backoff, a request timeout) and then advance past that
/// wait, or run a workflow to its end by jumping to the next armed timer whenever the workflow waits.
/// Advancing before the timer exists would pass too early and leave the work waiting forever; never sleep.
/// </summary>
public sealed class ScenarioClock : FakeTimeProvider
{
    /// <summary>Where every scenario starts: Wednesday 12 March 2025, 10:00 in New York (14:00 UTC), inside regular hours.</summary>
    public static readonly DateTimeOffset ScenarioStart = new(2025, 3, 12, 14, 0, 0, TimeSpan.Zero);

    /// <summary>The trading day the scenario starts on.</summary>
    public static readonly DateOnly TradingDay = DateOnly.FromDateTime(ScenarioStart.UtcDateTime);

    /// <summary>How long a driver waits, in real time, for a timer before it reports the work never waited.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly Lock gate = new();
    private readonly HashSet<ScenarioTimer> armed = [];
    private readonly List<ScenarioTimer> unclaimedTimers = [];
    private readonly List<(Func<TimeSpan, bool> Matches, TaskCompletionSource<TimeSpan> Found)> waiters = [];
    private TaskCompletionSource timerArmed = NewSignal();

    public ScenarioClock()
        : this(ScenarioStart)
    {
    }

    /// <summary>A clock starting elsewhere, for unit tests of a venue's own calendar.</summary>
    public ScenarioClock(DateTimeOffset start)
        : base(start)
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ScenarioTimer(this, callback, state);
        timer.Inner = base.CreateTimer(timer.Fire, state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        timer.Change(dueTime, period);
        return timer;
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

    /// <summary>
    /// Awaits <paramref name="workflow"/>, advancing the clock to the next armed timer each time the
    /// workflow waits on one. Real I/O (WireMock) is simply awaited: time moves only for timers.
    /// </summary>
    public async Task RunUntilCompleteAsync(Task workflow, int maxSteps = 100_000)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        for (var step = 0; !workflow.IsCompleted; step++)
        {
            if (step >= maxSteps)
                throw new InvalidOperationException($"The workflow did not finish within {maxSteps} clock steps.");
            Task signal;
            lock (gate)
                signal = timerArmed.Task;
            await Task.WhenAny(workflow, signal).ConfigureAwait(false);
            if (!workflow.IsCompleted)
                AdvanceToNextTimer();
        }
        await workflow.ConfigureAwait(false);
    }

    public async Task<T> RunUntilCompleteAsync<T>(Task<T> workflow)
    {
        await RunUntilCompleteAsync((Task)workflow).ConfigureAwait(false);
        return await workflow.ConfigureAwait(false);
    }

    /// <summary>Moves the clock to the earliest armed timer's due time (firing it); false when none is armed.</summary>
    public bool AdvanceToNextTimer()
    {
        // Under the gate, so no timer can be re-armed between reading its due time and moving the clock.
        lock (gate)
        {
            if (armed.Count == 0)
                return false;
            var delta = armed.Min(timer => timer.Due) - GetUtcNow();
            Advance(delta > TimeSpan.Zero ? delta : TimeSpan.Zero);
            return true;
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A timer was armed, re-armed (a CancellationTokenSource arms its timer with CancelAfter) or disarmed.</summary>
    private void Track(ScenarioTimer timer, bool isArmed, bool started)
    {
        lock (gate)
        {
            if (!isArmed)
            {
                armed.Remove(timer);
                if (armed.Count == 0 && timerArmed.Task.IsCompleted)
                    timerArmed = NewSignal();
                return;
            }
            armed.Add(timer);
            timerArmed.TrySetResult();
            if (!started)
                return;
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

    private sealed class ScenarioTimer(ScenarioClock clock, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan period = Timeout.InfiniteTimeSpan;
        private volatile bool disposed;

        public ITimer Inner { get; set; } = null!;

        public DateTimeOffset Due { get; private set; }

        /// <summary>How long the timer was set to wait when it was last started.</summary>
        public TimeSpan DueTime { get; private set; }

        public bool Disposed => disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock.gate)
            {
                this.period = period;
                DueTime = dueTime;
                var isArmed = dueTime != Timeout.InfiniteTimeSpan;
                if (isArmed)
                    Due = clock.GetUtcNow() + dueTime;
                // Tracked first: a timer due now fires inside Change, and its firing must find it armed.
                clock.Track(this, isArmed, started: isArmed);
                return Inner.Change(dueTime, period);
            }
        }

        public void Fire(object? ignored)
        {
            if (period == Timeout.InfiniteTimeSpan)
                clock.Track(this, isArmed: false, started: false);
            else
                Due = clock.GetUtcNow() + period;
            callback(state);
        }

        public void Dispose()
        {
            disposed = true;
            clock.Track(this, isArmed: false, started: false);
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
