using Microsoft.Extensions.Time.Testing;

namespace TradingBot.Acceptance.Support.Fakes;

/// <summary>
/// A fake clock that knows which of its timers are armed, so a driver can run a workflow that waits on
/// it: whenever the workflow is blocked on a timer, jump to that timer's due time; never sleep.
/// </summary>
public sealed class SteppingClock : FakeTimeProvider
{
    private readonly Lock gate = new();
    private readonly HashSet<SteppingTimer> armed = [];
    private TaskCompletionSource timerArmed = NewSignal();

    /// <summary>Starts inside market hours on a weekday: Wednesday 2026-11-25 15:00 UTC (10:00 in New York).</summary>
    public SteppingClock()
        : base(new DateTimeOffset(2026, 11, 25, 15, 0, 0, TimeSpan.Zero))
    {
    }

    public SteppingClock(DateTimeOffset start)
        : base(start)
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new SteppingTimer(this, callback, state);
        timer.Inner = base.CreateTimer(timer.Fire, state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>
    /// Awaits <paramref name="workflow"/>, advancing the clock to the next armed timer each time the
    /// workflow waits on one. Real I/O (WireMock) is simply awaited: time moves only for timers.
    /// </summary>
    public async Task RunUntilCompleteAsync(Task workflow, int maxSteps = 100_000)
    {
        for (var step = 0; !workflow.IsCompleted; step++)
        {
            if (step >= maxSteps)
                throw new InvalidOperationException($"The workflow did not finish within {maxSteps} clock steps.");
            Task signal;
            lock (gate)
                signal = timerArmed.Task;
            await Task.WhenAny(workflow, signal);
            if (!workflow.IsCompleted)
                AdvanceToNextTimer();
        }
        await workflow;
    }

    public async Task<T> RunUntilCompleteAsync<T>(Task<T> workflow)
    {
        await RunUntilCompleteAsync((Task)workflow);
        return await workflow;
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

    private void Track(SteppingTimer timer, bool isArmed)
    {
        lock (gate)
        {
            if (isArmed)
            {
                armed.Add(timer);
                timerArmed.TrySetResult();
            }
            else
            {
                armed.Remove(timer);
                if (armed.Count == 0 && timerArmed.Task.IsCompleted)
                    timerArmed = NewSignal();
            }
        }
    }

    private sealed class SteppingTimer(SteppingClock clock, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan period = Timeout.InfiniteTimeSpan;

        public ITimer Inner { get; set; } = null!;

        public DateTimeOffset Due { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock.gate)
            {
                this.period = period;
                var isArmed = dueTime != Timeout.InfiniteTimeSpan;
                if (isArmed)
                    Due = clock.GetUtcNow() + dueTime;
                var changed = Inner.Change(dueTime, period);
                clock.Track(this, isArmed);
                return changed;
            }
        }

        public void Fire(object? ignored)
        {
            if (period == Timeout.InfiniteTimeSpan)
                clock.Track(this, false);
            else
                Due = clock.GetUtcNow() + period;
            callback(state);
        }

        public void Dispose()
        {
            clock.Track(this, false);
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
