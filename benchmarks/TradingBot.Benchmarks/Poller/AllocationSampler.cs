using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace TradingBot.Benchmarks.Poller;

/// <summary>
/// Counts the runtime's allocation samples (one each time about 100 KB more were allocated) by the type allocated
/// then, while <see cref="On"/>: what the allocations are made of, without a profiler. A count times 100 KB is an
/// estimate only; a type that fills its sample by one large object (a big array) shows more than its share.
/// </summary>
internal sealed class AllocationSampler : RuntimeGcListener
{
    private readonly ConcurrentDictionary<string, int> types = new(StringComparer.Ordinal);

    public bool On { get; set; }

    /// <summary>The most sampled types, most first.</summary>
    public IEnumerable<(string Type, int Samples)> Top(int count) =>
        types.OrderByDescending(pair => pair.Value).Take(count).Select(pair => (pair.Key, pair.Value));

    protected override EventLevel Level => EventLevel.Verbose;

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (!On || eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.Payload is null || eventData.PayloadNames is null)
            return;
        var index = eventData.PayloadNames.IndexOf("TypeName");
        var type = index >= 0 ? eventData.Payload[index]?.ToString() ?? "?" : "?";
        types.AddOrUpdate(type, 1, static (_, samples) => samples + 1);
    }
}
