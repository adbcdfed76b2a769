using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Globalization;
using TradingBot.Benchmarks.Latency;

namespace TradingBot.Benchmarks.Soak;

/// <summary>
/// The collector's pauses in this process, each kept as when the runtime began suspending the threads and when it had
/// resumed them (the runtime's GC events, from the suspension's start to the restart's end), with the generation
/// collected. The events come through an <see cref="EventListener"/> (<see cref="RuntimeGcListener"/>), stamped by
/// the runtime and converted to <see cref="Stopwatch"/> time, so that a fill over its target can be told to have
/// waited for one. Kept in a <see cref="KeptArray{T}"/> (room for 65,536; past it only counted), as
/// <see cref="KeptSpans"/> keeps the trace's spans.
/// </summary>
internal sealed class CollectorPauses : RuntimeGcListener
{
    private readonly KeptArray<(long Start, long Stop, int Generation)> pauses = new(65_536);
    private long suspending = -1;
    private int generation = -1;

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
            var name = group.Key < 0 ? "unknown generation" : $"gen{group.Key}";
            return string.Create(CultureInfo.InvariantCulture,
                $"{name} {took.Length:N0} pausing {CoverageLedger.Percentile(took, 0.50).TotalMilliseconds:N1} / {CoverageLedger.Percentile(took, 0.99).TotalMilliseconds:N1} / {took[^1].TotalMilliseconds:N1}");
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
                generation = -1;
                break;
            case "GCStart_V2" when suspending >= 0:
                generation = Convert.ToInt32(eventData.Payload![eventData.PayloadNames!.IndexOf("Depth")], CultureInfo.InvariantCulture);
                break;
            case "GCRestartEEEnd_V1" when suspending >= 0:
                pauses.Add((suspending, Timestamp(eventData.TimeStamp), generation));
                suspending = -1;
                break;
        }
    }

    // The events arrive after they happened: their stamp is taken back from now on the Stopwatch's clock.
    private static long Timestamp(DateTime stamped) =>
        Stopwatch.GetTimestamp() - (long)((DateTime.UtcNow - stamped.ToUniversalTime()).TotalSeconds * Stopwatch.Frequency);
}
