namespace TradingBot.Acceptance.Domain.Timing;

/// <summary>
/// Exponential backoff with jitter: attempt n waits between half and all of <c>initial × 2^n</c>, capped at
/// <c>max</c>. Jitter keeps reconnecting clients from hammering the feed in step; the random source is
/// injected so a test can fix it; without one the waits are exact (restarts of a faulted task).
/// </summary>
public sealed class Backoff(TimeSpan initial, TimeSpan max, Random? random = null)
{
    private int attempt;

    /// <summary>How many waits since the last reset.</summary>
    public int Attempt => attempt;

    /// <summary><c>first × 2^attempt</c>, capped at <paramref name="limit"/>: the ceiling of the wait after <paramref name="attempt"/> earlier ones.</summary>
    public static TimeSpan Doubled(TimeSpan first, int attempt, TimeSpan limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attempt);
        var exponent = Math.Min(attempt, 30);
        return first.Ticks > limit.Ticks >> exponent ? limit : TimeSpan.FromTicks(first.Ticks << exponent);
    }

    public TimeSpan Next()
    {
        var ceiling = Doubled(initial, attempt, max);
        attempt++;
        var jitter = random is null ? 1.0 : 0.5 + (random.NextDouble() / 2);
        return TimeSpan.FromTicks(Math.Max(1, (long)(ceiling.Ticks * jitter)));
    }

    public void Reset() => attempt = 0;
}
