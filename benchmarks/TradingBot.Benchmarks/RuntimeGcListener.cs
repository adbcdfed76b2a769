using System.Diagnostics.Tracing;

namespace TradingBot.Benchmarks;

/// <summary>
/// Listens to the runtime's garbage collection events (the GC keyword of <c>Microsoft-Windows-DotNETRuntime</c>) at
/// <see cref="Level"/>: informational for the collections and pauses, verbose for the allocation samples too.
/// </summary>
internal abstract class RuntimeGcListener : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;

    /// <summary>A constant: it is read while the base constructor announces the runtime's source, before any field is set.</summary>
    protected abstract EventLevel Level { get; }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        ArgumentNullException.ThrowIfNull(eventSource);
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            EnableEvents(eventSource, Level, GcKeyword);
    }
}
