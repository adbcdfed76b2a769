namespace TradingBot.Acceptance.Domain.Execution.BrokerHttp;

/// <summary>Timeouts, retries and the circuit breaker of one broker connection; every wait runs on the injected clock.</summary>
public sealed record BrokerHttpOptions
{
    /// <summary>One attempt gets this long to answer; then the outcome is unknown (<c>timed out</c>).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Resends after a 429 (placement) or a 5xx (read) before giving up.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>First wait after a 429 without Retry-After; it doubles with each retry.</summary>
    public TimeSpan RateLimitFirstDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait for a 429; a longer Retry-After gives up at once instead of stalling the bot.</summary>
    public TimeSpan RateLimitMaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>First backoff after a 5xx on a read; it doubles with each retry, with jitter.</summary>
    public TimeSpan ReadBackoffFirstDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff after a 5xx on a read.</summary>
    public TimeSpan ReadBackoffMaxDelay { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>Draws the jitter factor in [0, 1); tests may pin it.</summary>
    public Func<double> Jitter { get; init; } = Random.Shared.NextDouble;

    /// <summary>Attempts within <see cref="CircuitSamplingDuration"/> before the breaker may open.</summary>
    public int CircuitMinimumThroughput { get; init; } = 5;

    /// <summary>Share of failed attempts (5xx, timeouts, connection errors) that opens the breaker.</summary>
    public double CircuitFailureRatio { get; init; } = 0.8;

    public TimeSpan CircuitSamplingDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an open breaker refuses calls before letting one through.</summary>
    public TimeSpan CircuitBreakDuration { get; init; } = TimeSpan.FromSeconds(30);
}
