using System.Diagnostics;
using TradingBot.Benchmarks.Pipeline;

namespace TradingBot.Benchmarks;

/// <summary>`--smoke`: one timed pass of the pipeline and the raw inserts, for profiling and quick checks.</summary>
public static class Smoke
{
    public static async Task RunAsync(int fills, IReadOnlyList<Storage> storages, int passes = 1)
    {
        for (var pass = 0; pass < passes; pass++)
            foreach (var storage in storages)
            {
                using (var bot = new PipelineBot(storage))
                {
                    var feed = TradeFeed.Fills(fills);
                    var (started, cpu, allocated) = (Stopwatch.GetTimestamp(), Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: true));
                    await bot.RunAsync(feed, TradeFeed.Symbols.Count, CancellationToken.None).ConfigureAwait(false);
                    var elapsed = Stopwatch.GetElapsedTime(started);
                    var perFill = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / fills;
                    var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                    var events = bot.Database.ReadEventLog().Count;
                    Console.WriteLine($"pipeline {storage}: {fills / elapsed.TotalSeconds:N0} fills/s, {fills / used.TotalSeconds:N0} fills/CPU-s, {perFill:N0} bytes allocated per fill, {events} events, {bot.Executor.Placed} orders");
                }

                if (storage == Storage.Postgres)
                    continue; // the raw-insert ceiling writes through SQLite's C API
                using (var bot = new PipelineBot(storage))
                using (var raw = new RawInsertWriter(bot.SqliteDatabase))
                {
                    var (started, cpu) = (Stopwatch.GetTimestamp(), Process.GetCurrentProcess().TotalProcessorTime);
                    raw.Run(TradeFeed.Fills(fills), TradeFeed.Symbols.Count);
                    var elapsed = Stopwatch.GetElapsedTime(started);
                    var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                    Console.WriteLine($"raw {storage}: {fills / elapsed.TotalSeconds:N0} fills/s, {fills / used.TotalSeconds:N0} fills/CPU-s, {raw.Events} events");
                }
            }
    }

    /// <summary>
    /// Where a fill's time goes, by the pipeline's three phases as <see cref="PipelineBot.RunAsync"/> runs them
    /// (enqueue; trade, order and broker answer; fill through the poller), in microseconds of wall time per fill.
    /// </summary>
    public static async Task PhasesAsync(int fills, IReadOnlyList<Storage> storages)
    {
        for (var pass = 0; pass < 5; pass++)
        {
            foreach (var storage in storages)
            {
                using var bot = new PipelineBot(storage);
                var feed = TradeFeed.Fills(fills);
                var phases = new long[3];
                var round = TradeFeed.Symbols.Count;
                for (var start = 0; start < feed.Count; start += round)
                {
                    var began = Stopwatch.GetTimestamp();
                    bot.Queue.Enqueue([.. feed.Skip(start).Take(round)]);
                    var enqueued = Stopwatch.GetTimestamp();
                    await bot.Queue.ProcessAllAsync(CancellationToken.None).ConfigureAwait(false);
                    var processed = Stopwatch.GetTimestamp();
                    await bot.Poller.PollPendingOrdersAsync(CancellationToken.None).ConfigureAwait(false);
                    phases[0] += enqueued - began;
                    phases[1] += processed - enqueued;
                    phases[2] += Stopwatch.GetTimestamp() - processed;
                }

                var perFill = phases.Select(ticks => ticks * 1e6 / Stopwatch.Frequency / fills).ToArray();
                Console.WriteLine($"phases {storage}: enqueue {perFill[0]:N0} µs, trade + order + broker answer {perFill[1]:N0} µs, poll + fill {perFill[2]:N0} µs, total {perFill.Sum():N0} µs per fill");
            }
        }
    }

    /// <summary>Closed loop (each worker waits for its own fill), or open loop at <paramref name="perSecond"/> fills a second for 3 s.</summary>
    public static async Task LatencyAsync(IReadOnlyList<Storage> storages, double? perSecond = null)
    {
        foreach (var storage in storages)
        {
            var result = perSecond is { } rate
                ? await Latency.OpenLoopRun.MeasureAsync(storage, 8, (int)(rate * 3), rate, CancellationToken.None).ConfigureAwait(false)
                : await Latency.LatencyRun.MeasureAsync(storage, 8, 100, CancellationToken.None).ConfigureAwait(false);
            Console.WriteLine($"latency {storage}: {result}");
        }
    }
}
