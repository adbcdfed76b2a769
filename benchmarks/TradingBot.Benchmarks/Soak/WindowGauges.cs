namespace TradingBot.Benchmarks.Soak;

/// <summary>
/// One window's gauges: the medians of its samples (and of its threads other than the pool's workers and the
/// background collector's), how many samples there were, the range of resident memory and of the pool's workers, and
/// how long the garbage collector paused the threads in the window (a slow fill beside a long pause is the collector's).
/// </summary>
public sealed record WindowGauges(
    ProcessGauges Median, int OtherThreads, int Samples, long MinResident, long MaxResident, int MinPoolThreads, int MaxPoolThreads, TimeSpan Paused);
