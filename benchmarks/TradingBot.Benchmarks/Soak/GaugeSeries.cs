namespace TradingBot.Benchmarks.Soak;

/// <summary>
/// The process gauges sampled every second of the feed. A window's figure is the median of its samples, not one
/// sample at its end: with background collections the managed heap, and resident memory with it, rises between
/// two full collections by the garbage of seconds and falls back at some of them, and the thread pool adds and
/// retires workers as work waits on its threads. One sample then says where the window ended in those cycles;
/// the median says where the window was.
/// </summary>
public sealed class GaugeSeries(TimeSpan duration)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    // Taken at the start, so that the soak's own bookkeeping does not grow the memory it measures.
    private readonly List<(TimeSpan At, ProcessGauges Gauges)> samples = new((int)(duration / Interval) + 2);

    /// <summary>
    /// Samples when a second has passed since the last sample; called every 100 ms by the soak in the bot's process
    /// (<see cref="SoakRun"/>) while the node's process (<see cref="SoakNode"/>) feeds the fills.
    /// </summary>
    public void SampleIfDue(TimeSpan elapsed)
    {
        if (samples.Count == 0 || elapsed - samples[^1].At >= Interval)
            samples.Add((elapsed, ProcessGauges.Read()));
    }

    /// <summary>The median of each gauge over the samples taken in (<paramref name="from"/>, <paramref name="until"/>].</summary>
    public WindowGauges Window(TimeSpan from, TimeSpan until)
    {
        var taken = samples.Where(sample => sample.At > from && sample.At <= until).Select(sample => sample.Gauges).ToList();
        if (taken.Count == 0)
            throw new InvalidOperationException($"No gauges were sampled between {from.TotalSeconds:N0} s and {until.TotalSeconds:N0} s.");
        var median = new ProcessGauges(
            Median(taken, gauges => gauges.ResidentBytes),
            Median(taken, gauges => gauges.HeapBytes),
            Median(taken, gauges => gauges.CommittedBytes),
            Median(taken, gauges => gauges.SqliteBytes),
            (int)Median(taken, gauges => gauges.Handles),
            (int)Median(taken, gauges => gauges.Threads),
            (int)Median(taken, gauges => gauges.PoolThreads),
            (int)Median(taken, gauges => gauges.CollectorThreads),
            taken[^1].Paused);
        // The pauses since the last sample before the window (or since the start).
        var pausedBefore = samples.LastOrDefault(sample => sample.At <= from).Gauges?.Paused ?? TimeSpan.Zero;
        return new WindowGauges(median, (int)Median(taken, gauges => gauges.OtherThreads), taken.Count,
            taken.Min(gauges => gauges.ResidentBytes), taken.Max(gauges => gauges.ResidentBytes),
            taken.Min(gauges => gauges.PoolThreads), taken.Max(gauges => gauges.PoolThreads), taken[^1].Paused - pausedBefore);
    }

    // The lower middle of an even count: a figure that was sampled, never an average of two.
    private static long Median(List<ProcessGauges> samples, Func<ProcessGauges, long> gauge)
    {
        long[] sorted = [.. samples.Select(gauge).Order()];
        return sorted[(sorted.Length - 1) / 2];
    }
}
