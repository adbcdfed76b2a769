namespace TradingBot.Benchmarks.Latency;

/// <summary>
/// Queue-to-broker latencies of one run: percentiles over every hedged fill, and the fills per second it
/// reached; for an open-loop run also the fills offered, their rate, and the garbage collector's pauses.
/// </summary>
public sealed record LatencyResult(int Workers, int Fills, TimeSpan P50, TimeSpan P99, TimeSpan Max, double FillsPerSecond)
{
    public int Offered { get; init; }

    public double PerSecondOffered { get; init; }

    public TimeSpan GcPause { get; init; }

    public int GcCount { get; init; }
}
