using System.Diagnostics;
using TradingBot.Acceptance.Domain.Execution;

namespace TradingBot.Benchmarks.Latency;

/// <summary>
/// Which fills each broker order hedged, and so each fill's latency from the time it was due. Every fill sells one
/// share, so an order of <c>n</c> shares covers its symbol's <c>n</c> oldest fills not yet covered (a fill recorded
/// while its symbol's previous order was pending is hedged by the next one). Timing a fill from when it was due,
/// not from when the feeder managed to enqueue it, keeps a stalled feeder from hiding the stall (coordinated omission).
/// </summary>
public sealed class CoverageLedger
{
    private readonly Dictionary<string, Queue<long>> waiting = new(StringComparer.Ordinal);
    private readonly List<(long Due, TimeSpan Latency)> latencies;
    private readonly Lock gate = new();

    public CoverageLedger(int fills) => latencies = new List<(long, TimeSpan)>(fills);

    /// <summary>Fills an order covered so far.</summary>
    public int Covered
    {
        get
        {
            lock (gate)
                return latencies.Count;
        }
    }

    /// <summary>A fill of <paramref name="symbol"/> due at <paramref name="due"/> (a <see cref="Stopwatch"/> timestamp) is about to be enqueued.</summary>
    public void Due(string symbol, long due)
    {
        lock (gate)
        {
            if (!waiting.TryGetValue(symbol, out var fills))
                waiting[symbol] = fills = new Queue<long>();
            fills.Enqueue(due);
        }
    }

    /// <summary>The broker received <paramref name="order"/> at <paramref name="arrived"/>: its shares cover that many waiting fills.</summary>
    public void Cover(MarketOrder order, long arrived)
    {
        ArgumentNullException.ThrowIfNull(order);
        var shares = order.Shares.Value;
        lock (gate)
        {
            if (shares != decimal.Truncate(shares) || !waiting.TryGetValue(order.Symbol.Value, out var fills) || fills.Count < shares)
                throw new InvalidOperationException($"An order for {shares} {order.Symbol.Value} does not match the fills waiting ({(waiting.TryGetValue(order.Symbol.Value, out var left) ? left.Count : 0)}).");
            for (var share = 0; share < shares; share++)
            {
                var due = fills.Dequeue();
                latencies.Add((due, Stopwatch.GetElapsedTime(due, arrived)));
            }
        }
    }

    /// <summary>The latencies of the fills covered so far, in ascending order.</summary>
    public TimeSpan[] Sorted() => Sorted(long.MinValue, long.MaxValue);

    /// <summary>The latencies of the covered fills due from <paramref name="from"/> until before <paramref name="until"/>, in ascending order.</summary>
    public TimeSpan[] Sorted(long from, long until)
    {
        lock (gate)
            return [.. latencies.Where(sample => sample.Due >= from && sample.Due < until).Select(sample => sample.Latency).Order()];
    }

    /// <summary>The nearest-rank percentile of latencies in ascending order.</summary>
    public static TimeSpan Percentile(TimeSpan[] sorted, double fraction)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        return sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
