namespace TradingBot.Benchmarks.Soak;

/// <summary>One window of the soak: the fills due in it, their latencies, and the process's gauges sampled during it.</summary>
public sealed record SoakWindow(int Number, int Fills, TimeSpan P50, TimeSpan P99, TimeSpan Max, WindowGauges Gauges);
