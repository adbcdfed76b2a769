namespace TradingBot.Benchmarks.Latency;

/// <summary>Queue-to-broker latencies of one run: percentiles over every fill, and the fills per second it reached.</summary>
public sealed record LatencyResult(int Workers, int Fills, TimeSpan P50, TimeSpan P99, TimeSpan Max, double FillsPerSecond);
