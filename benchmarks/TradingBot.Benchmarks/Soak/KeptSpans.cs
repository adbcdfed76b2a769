using System.Diagnostics;

namespace TradingBot.Benchmarks.Soak;

/// <summary>
/// The spans of some names from the bot's trace, each kept as when it started and stopped. Activities of other names
/// are not even created for this listener (another listener may create them: they are ignored). Kept in a
/// <see cref="KeptArray{T}"/>: spans past its end are counted.
/// </summary>
public sealed class KeptSpans : IDisposable
{
    private readonly ActivityListener listener;
    private readonly HashSet<string> names;
    private readonly KeptArray<(string Name, long Start, long Stop)> spans;

    public KeptSpans(ActivitySource source, int capacity, params string[] names)
    {
        spans = new KeptArray<(string, long, long)>(capacity);
        this.names = [.. names];
        listener = new ActivityListener
        {
            ShouldListenTo = candidate => ReferenceEquals(candidate, source),
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                this.names.Contains(options.Name) ? ActivitySamplingResult.AllData : ActivitySamplingResult.None,
            ActivityStopped = Stopped,
        };
        ActivitySource.AddActivityListener(listener);
    }

    /// <summary>How many spans did not fit in the array.</summary>
    public int Dropped => spans.Dropped;

    /// <summary>The spans kept so far, as <see cref="Stopwatch"/> timestamps, in the order they stopped.</summary>
    public (string Name, long Start, long Stop)[] Kept() => spans.Kept();

    /// <summary>Whether a span kept so far matches, without copying them.</summary>
    public bool Any(Func<(string Name, long Start, long Stop), bool> match) => spans.Any(match);

    public void Dispose() => listener.Dispose();

    private void Stopped(Activity activity)
    {
        if (!names.Contains(activity.OperationName))
            return;
        var stop = Stopwatch.GetTimestamp();
        spans.Add((activity.OperationName, stop - (long)(activity.Duration.TotalSeconds * Stopwatch.Frequency), stop));
    }
}
