using System.Diagnostics;
using System.Globalization;
using TradingBot.Acceptance.Domain.EventSourcing;

namespace TradingBot.Benchmarks.Soak;

/// <summary>
/// The bot's work beside its hedging path that may delay a fill, from its trace: the order status poller's cycles
/// (<c>orders.poll</c>), the position checker's ticks (<c>positions.check</c>) and the database's restarts of its log in
/// the writers' turn (<c>wal.restart</c>), each kept as when it started and stopped (<see cref="KeptSpans"/>, room for
/// 4,096: a cycle every 15–20 s, a tick every minute, a restart every few seconds at 1,000 fills/s; spans past it are
/// only counted, <see cref="DescribeDropped"/>).
/// </summary>
public sealed class BesideWork : IDisposable
{
    public const string Poll = "orders.poll";
    public const string Check = "positions.check";
    public const string Restart = WalCheckpointer.RestartSpan;

    private readonly KeptSpans spans;

    public BesideWork(ActivitySource source) => spans = new KeptSpans(source, 4_096, Poll, Check, Restart);

    /// <summary>
    /// How many spans did not fit (none in a soak of minutes). A fill over its target under way beside a dropped span is
    /// not seen by <see cref="Overlaps"/>, so with any dropped the counts beside a poll cycle, a check or a restart may fall short.
    /// </summary>
    public string DescribeDropped()
    {
        var dropped = spans.Dropped;
        return dropped == 0 ? "0 spans dropped"
            : string.Create(CultureInfo.InvariantCulture, $"{dropped:N0} spans dropped: the fills over target during a poll cycle / a check / a restart may be undercounted");
    }

    /// <summary>Whether a span of <paramref name="name"/> overlapped the time from <paramref name="from"/> to <paramref name="until"/>.</summary>
    public bool Overlaps(string name, long from, long until) => spans.Any(span => span.Name == name && span.Start <= until && span.Stop >= from);

    /// <summary>How many spans of <paramref name="name"/> there were, and the shortest, median and longest in milliseconds.</summary>
    public string Describe(string name)
    {
        double[] took = [.. spans.Kept().Where(span => span.Name == name).Select(span => Stopwatch.GetElapsedTime(span.Start, span.Stop).TotalMilliseconds).Order()];
        return took.Length == 0 ? $"{name}: none"
            : string.Create(CultureInfo.InvariantCulture, $"{name}: {took.Length} taking {took[0]:N0}–{took[(took.Length - 1) / 2]:N0}–{took[^1]:N0} ms (shortest–median–longest)");
    }

    public void Dispose() => spans.Dispose();
}
