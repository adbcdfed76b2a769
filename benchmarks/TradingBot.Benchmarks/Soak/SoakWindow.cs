namespace TradingBot.Benchmarks.Soak;

/// <summary>One window of the soak: the fills due in it, their latencies, and the process's gauges at its end.</summary>
public sealed record SoakWindow(int Number, int Fills, TimeSpan P50, TimeSpan P99, TimeSpan Max, ProcessGauges Gauges);
