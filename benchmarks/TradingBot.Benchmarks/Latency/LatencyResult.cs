namespace TradingBot.Benchmarks.Latency;

/// <summary>
/// Latencies of one open-loop run: each fill's time from when it was due (its scheduled time, not when it was
/// enqueued) to the broker receiving the order that hedged it, over every fill an order covered; the fills
/// offered, the rate offered and the rate the run reached, the fills no order covered by the end, the orders,
/// and the garbage collector's pauses.
/// </summary>
public sealed record LatencyResult(int Workers, int Offered, double PerSecondOffered, double FillsPerSecond)
{
    public required int Covered { get; init; }

    public int LeftOut => Offered - Covered;

    public required long Orders { get; init; }

    public required TimeSpan P50 { get; init; }

    public required TimeSpan P95 { get; init; }

    public required TimeSpan P99 { get; init; }

    public required TimeSpan Max { get; init; }

    public TimeSpan GcPause { get; init; }

    public int GcCount { get; init; }
}
