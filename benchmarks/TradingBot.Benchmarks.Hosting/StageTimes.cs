using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace TradingBot.Benchmarks.Hosting;

/// <summary>
/// Where a fill's time goes between the block that confirms it and its broker order, from the bot's own trace
/// (<c>chain.release</c> and <c>queue.batch</c> activities): the node's push and the reader's wake-up up to the
/// release that takes the fill (delivery), the release's decoding and enqueue transaction (enqueue), the wait for
/// the queue processor's batch that takes it (queued: wake-up and the batches before it), and that batch up to the
/// broker receiving its order (batch: claim, trades transaction, earlier orders of the batch). A release wakes the
/// queue processor after each chunk of 32 logs, so a fill of an earlier chunk may be taken by a batch that starts
/// before its release ends: its queued time is then negative, the overlap of the two.
/// </summary>
public sealed class StageTimes : IDisposable
{
    private readonly ActivityListener listener;
    private readonly ConcurrentDictionary<Activity, long> started = new();
    private readonly ConcurrentQueue<Span> spans = new();

    public StageTimes(ActivitySource source)
    {
        listener = new ActivityListener
        {
            ShouldListenTo = candidate => ReferenceEquals(candidate, source),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStarted = activity => started[activity] = Stopwatch.GetTimestamp(),
            ActivityStopped = activity =>
            {
                started.TryRemove(activity, out var start);
                spans.Enqueue(new Span(activity.OperationName, start, Stopwatch.GetTimestamp(),
                    Convert.ToInt64(activity.GetTagItem("through") ?? -1L, CultureInfo.InvariantCulture),
                    Convert.ToInt32(activity.GetTagItem("logs") ?? activity.GetTagItem("rows") ?? 0, CultureInfo.InvariantCulture)));
            },
        };
        ActivitySource.AddActivityListener(listener);
    }

    /// <summary>One fill: the block that holds it, when its confirming block was mined and when its order arrived.</summary>
    public readonly record struct Fill(long Block, long ConfirmedAt, long OrderedAt);

    /// <summary>The mean of each stage over every fill and over the slowest 1 %, with the releases' and batches' sizes.</summary>
    public string Describe(IReadOnlyList<Fill> fills)
    {
        ArgumentNullException.ThrowIfNull(fills);
        var releases = spans.Where(span => span.Name == "chain.release").OrderBy(span => span.Start).ToList();
        var batches = spans.Where(span => span.Name == "queue.batch" && span.Count > 0).OrderBy(span => span.Start).ToList();
        var stages = new List<(double Total, double[] Parts)>(fills.Count);
        foreach (var fill in fills)
        {
            var release = releases.Find(span => span.Through >= fill.Block);
            var batch = batches.FindLast(span => span.Start <= fill.OrderedAt);
            if (release.Name is null || batch.Name is null)
                continue;
            stages.Add((Ms(fill.ConfirmedAt, fill.OrderedAt),
                [Ms(fill.ConfirmedAt, release.Start), Ms(release.Start, release.Stop), Ms(release.Stop, batch.Start), Ms(batch.Start, fill.OrderedAt)]));
        }

        var slowest = stages.OrderByDescending(stage => stage.Total).Take(Math.Max(1, stages.Count / 100)).ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"  stages (mean, all fills / slowest 1 %): {Parts(stages)} / {Parts(slowest)}; "
            + $"{releases.Count} releases of {Mean(releases.Select(span => (double)span.Count)):F1} logs (enqueue p99 {P99(releases):F1} ms), "
            + $"{batches.Count} batches of {Mean(batches.Select(span => (double)span.Count)):F1} rows (batch p99 {P99(batches):F1} ms)");
    }

    public void Dispose() => listener.Dispose();

    private static string Parts(List<(double Total, double[] Parts)> stages)
    {
        string[] names = ["delivery", "enqueue", "queued", "batch"];
        return string.Join(", ", names.Select((name, index) => string.Create(CultureInfo.InvariantCulture, $"{name} {Mean(stages.Select(stage => stage.Parts[index])):F1}")))
            + string.Create(CultureInfo.InvariantCulture, $" = {Mean(stages.Select(stage => stage.Total)):F1} ms");
    }

    private static double P99(List<Span> spans)
    {
        var sorted = spans.Select(span => Ms(span.Start, span.Stop)).Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(0.99 * sorted.Count) - 1)];
    }

    private static double Mean(IEnumerable<double> values) => values.DefaultIfEmpty(0).Average();

    private static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;

    private readonly record struct Span(string Name, long Start, long Stop, long Through, int Count);
}
