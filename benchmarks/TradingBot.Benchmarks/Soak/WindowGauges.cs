namespace TradingBot.Benchmarks.Soak;

/// <summary>
/// One window's gauges: the medians of its samples (and of its threads other than the pool's workers and the
/// background collector's), how many samples there were, and the range of resident memory and of the pool's workers.
/// </summary>
public sealed record WindowGauges(ProcessGauges Median, int OtherThreads, int Samples, long MinResident, long MaxResident, int MinPoolThreads, int MaxPoolThreads);
