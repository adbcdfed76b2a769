using Microsoft.Extensions.Time.Testing;

namespace TradingBot.Acceptance.UnitTests.Hosting;

/// <summary>A fake clock that counts the timers made on it: a loop waiting on it has made one more.</summary>
internal sealed class CountingClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private int timers;

    public int Timers => Volatile.Read(ref timers);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Interlocked.Increment(ref timers);
        return timer;
    }

    /// <summary>Waits (in real time, at most 10 s) until <paramref name="count"/> timers were made.</summary>
    public async Task WaitForTimersAsync(int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (Timers < count)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{Timers} timers made, {count} awaited.");
            await Task.Delay(1);
        }
    }
}
