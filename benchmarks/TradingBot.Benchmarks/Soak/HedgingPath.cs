using System.Diagnostics;
using System.Globalization;
using TradingBot.Benchmarks.Latency;

namespace TradingBot.Benchmarks.Soak;

/// <summary>
/// Where a fill's time goes on the hedging path, from the bot's trace: the chain reader's releases (<c>chain.release</c>:
/// a confirmed block's logs decoded and written to the queue) and the queue processor's batches (<c>queue.batch</c>:
/// trades, hedges, broker calls). A fill is taken by the first release to start after its confirming block was mined
/// (the node's push of that block triggers it); its time splits into the wait for that release to start and the rest,
/// from the release's start to the broker (the release's chunks and the batches, and whatever ran beside them: a
/// release wakes the queue processor after each chunk, so a fill may be hedged before its release ends). Kept as <see cref="KeptSpans"/>,
/// with room for soaks of up to about 15 minutes.
/// </summary>
public sealed class HedgingPath : IDisposable
{
    public const string Release = "chain.release";
    public const string Batch = "queue.batch";

    private readonly KeptSpans spans;

    public HedgingPath(ActivitySource source) => spans = new KeptSpans(source, 65_536, Release, Batch);

    /// <summary>
    /// The releases' and batches' durations, and the two parts of the fills' times, all and those at or over
    /// <paramref name="target"/>: p50 / p99 in milliseconds.
    /// </summary>
    public string Describe(IReadOnlyList<(long Scheduled, long Confirmed, long Arrived, TimeSpan Latency)> fills, TimeSpan target)
    {
        ArgumentNullException.ThrowIfNull(fills);
        var taken = spans.Kept();
        var releases = taken.Where(span => span.Name == Release).OrderBy(span => span.Start).ToArray();
        var batches = taken.Where(span => span.Name == Batch).ToArray();
        var starts = releases.Select(span => span.Start).ToArray();
        var (waits, rests, slowWaits, slowRests) = (new List<TimeSpan>(fills.Count), new List<TimeSpan>(fills.Count), new List<TimeSpan>(), new List<TimeSpan>());
        foreach (var fill in fills)
        {
            var index = Array.BinarySearch(starts, fill.Confirmed);
            index = index < 0 ? ~index : index;
            if (index >= releases.Length || releases[index].Start > fill.Arrived)
                continue; // taken by a release under way when its block was mined: no split
            var (wait, rest) = (Stopwatch.GetElapsedTime(fill.Confirmed, releases[index].Start), Stopwatch.GetElapsedTime(releases[index].Start, fill.Arrived));
            waits.Add(wait);
            rests.Add(rest);
            if (fill.Latency >= target)
            {
                slowWaits.Add(wait);
                slowRests.Add(rest);
            }
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"hedging path (p50 / p99 ms): {Release} {releases.Length:N0} taking {Quantiles(releases.Select(Took))}, {Batch} {batches.Length:N0} taking {Quantiles(batches.Select(Took))}; "
            + $"{waits.Count:N0} fills from their confirming block to their release's start {Quantiles(waits)}, from its start to the broker {Quantiles(rests)}; "
            + $"the {slowWaits.Count:N0} over target {Quantiles(slowWaits)} and {Quantiles(slowRests)}; {spans.Dropped:N0} spans dropped");
    }

    public void Dispose() => spans.Dispose();

    private static TimeSpan Took((string Name, long Start, long Stop) span) => Stopwatch.GetElapsedTime(span.Start, span.Stop);

    private static string Quantiles(IEnumerable<TimeSpan> values)
    {
        TimeSpan[] sorted = [.. values.Order()];
        return sorted.Length == 0 ? "(none)"
            : string.Create(CultureInfo.InvariantCulture,
                $"{CoverageLedger.Percentile(sorted, 0.50).TotalMilliseconds:N1} / {CoverageLedger.Percentile(sorted, 0.99).TotalMilliseconds:N1}");
    }
}
