using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Globalization;
using TradingBot.Benchmarks.Latency;

namespace TradingBot.Benchmarks.Soak;

/// <summary>
/// The collector's pauses in this process, each kept as when the runtime began suspending the threads and when it had
/// resumed them (the runtime's GC events, from the suspension's start to the restart's end), with the generation
/// collected, how long the suspension took and how many bytes the collection promoted (kept alive into an older
/// generation: the part of a pause that grows with the objects that outlive a collection). The events come through
/// an <see cref="EventListener"/> (<see cref="RuntimeGcListener"/>), stamped by the runtime and converted to
/// <see cref="Stopwatch"/> time, so that a fill over its target can be told to have waited for one. Kept in a
/// <see cref="KeptArray{T}"/> (room for 65,536; past it only counted), as <see cref="KeptSpans"/> keeps the trace's spans.
/// </summary>
internal sealed class CollectorPauses : RuntimeGcListener
{
    private readonly KeptArray<(long Start, long Suspended, long Stop, int Generation, long Promoted)> pauses = new(65_536);
    private long suspending = -1;
    private long suspended = -1;
    private int generation = -1;
    private long promoted = -1;

    /// <summary>Whether a pause overlapped the time from <paramref name="from"/> to <paramref name="until"/> (Stopwatch timestamps).</summary>
    public bool Overlaps(long from, long until) =>
        pauses.Any(pause => pause.Start <= until && pause.Stop >= from);

    /// <summary>How many pauses of each generation, their p50 / p99 / longest in milliseconds, and any dropped.</summary>
    public string Describe()
    {
        var kept = pauses.Kept();
        var parts = kept.GroupBy(pause => pause.Generation).OrderBy(group => group.Key).Select(group =>
        {
            TimeSpan[] took = [.. group.Select(pause => Stopwatch.GetElapsedTime(pause.Start, pause.Stop)).Order()];
            TimeSpan[] suspensions = [.. group.Select(pause => Stopwatch.GetElapsedTime(pause.Start, Math.Max(pause.Suspended, pause.Start))).Order()];
            long[] promoting = [.. group.Select(pause => Math.Max(pause.Promoted, 0)).Order()];
            var name = group.Key < 0 ? "unknown generation" : $"gen{group.Key}";
            return string.Create(CultureInfo.InvariantCulture,
                $"{name} {took.Length:N0} pausing {Ms(took, 0.50)} / {Ms(took, 0.99)} / {took[^1].TotalMilliseconds:N1} "
                + $"(suspending {Ms(suspensions, 0.50)} / {Ms(suspensions, 0.99)}, promoting {promoting[promoting.Length / 2] / 1e6:N2} / {promoting[^1] / 1e6:N2} MB p50 / most)");
        });
        return $"collector's pauses (p50 / p99 / longest ms): {(kept.Length == 0 ? "none" : string.Join(", ", parts))}; {pauses.Dropped:N0} dropped";
    }

    protected override EventLevel Level => EventLevel.Informational;

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        switch (eventData.EventName)
        {
            case "GCSuspendEEBegin_V1":
                suspending = Timestamp(eventData.TimeStamp);
                suspended = -1;
                generation = -1;
                promoted = -1;
                break;
            case "GCSuspendEEEnd_V1" when suspending >= 0:
                suspended = Timestamp(eventData.TimeStamp);
                break;
            case "GCStart_V2" when suspending >= 0:
                generation = Convert.ToInt32(eventData.Payload![eventData.PayloadNames!.IndexOf("Depth")], CultureInfo.InvariantCulture);
                break;
            case "GCHeapStats_V2" when suspending >= 0 && generation >= 0:
                promoted = Promoted(eventData, generation);
                break;
            case "GCRestartEEEnd_V1" when suspending >= 0:
                pauses.Add((suspending, suspended, Timestamp(eventData.TimeStamp), generation, promoted));
                suspending = -1;
                break;
        }
    }

    private static string Ms(TimeSpan[] sorted, double quantile) =>
        CoverageLedger.Percentile(sorted, quantile).TotalMilliseconds.ToString("N1", CultureInfo.InvariantCulture);

    // What a collection of this generation kept alive: the bytes promoted out of each generation it collected.
    private static long Promoted(EventWrittenEventArgs heapStats, int collected)
    {
        long total = 0;
        for (var generation = 0; generation <= Math.Min(collected, 2); generation++)
            total += Convert.ToInt64(heapStats.Payload![heapStats.PayloadNames!.IndexOf($"TotalPromotedSize{generation}")], CultureInfo.InvariantCulture);
        return total;
    }

    // The events arrive after they happened: their stamp is taken back from now on the Stopwatch's clock.
    private static long Timestamp(DateTime stamped) =>
        Stopwatch.GetTimestamp() - (long)((DateTime.UtcNow - stamped.ToUniversalTime()).TotalSeconds * Stopwatch.Frequency);
}
