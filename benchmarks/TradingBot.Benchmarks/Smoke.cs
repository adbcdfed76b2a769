using System.Diagnostics;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Benchmarks.Pipeline;

namespace TradingBot.Benchmarks;

/// <summary>`--smoke`: one timed pass of the pipeline and the raw inserts, for profiling and quick checks.</summary>
public static class Smoke
{
    public static async Task RunAsync(int fills, IReadOnlyList<Storage> storages, int passes = 1, bool statements = false)
    {
        for (var pass = 0; pass < passes; pass++)
            foreach (var storage in storages)
            {
                using (var bot = new PipelineBot(storage))
                using (var counter = storage == Storage.Postgres && statements ? new StatementCounter() : null)
                {
                    var feed = TradeFeed.Fills(fills);
                    var (started, cpu, allocated) = (Stopwatch.GetTimestamp(), Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: true));
                    await bot.RunAsync(feed, TradeFeed.Symbols.Count, CancellationToken.None).ConfigureAwait(false);
                    var elapsed = Stopwatch.GetElapsedTime(started);
                    var perFill = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / fills;
                    var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                    // Counted before the checks below, whose reads of the whole log would count as the pipeline's.
                    var sqliteRuns = statements && bot.Database is SqliteDatabase sqlite ? SqliteStatementReport.Of(sqlite, fills) : null;
                    var events = bot.Database.ReadEventLog().Count;
                    bot.ShouldHaveHedged(fills, $"pipeline ({storage})");
                    Console.WriteLine($"pipeline {storage}: {fills / elapsed.TotalSeconds:N0} fills/s, {fills / used.TotalSeconds:N0} fills/CPU-s, {perFill:N0} bytes allocated per fill, {events} events, {bot.Executor.Placed} orders");
                    if (counter is not null)
                        Console.WriteLine(counter.Report(fills));
                    else if (sqliteRuns is not null)
                        Console.WriteLine(sqliteRuns);
                }

                using (var bot = new PipelineBot(storage))
                using (var raw = RawInsertWriter.For(bot.Database))
                {
                    var (started, cpu) = (Stopwatch.GetTimestamp(), Process.GetCurrentProcess().TotalProcessorTime);
                    raw.Run(TradeFeed.Fills(fills), TradeFeed.Symbols.Count);
                    var elapsed = Stopwatch.GetElapsedTime(started);
                    var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                    bot.ShouldHaveWritten(fills, $"raw inserts ({storage})");
                    var pages = statements && raw is SqliteRawInserts sqliteRaw ? $", {(double)sqliteRaw.PagesWritten / fills:N2} pages written per fill" : "";
                    Console.WriteLine($"raw {storage}: {fills / elapsed.TotalSeconds:N0} fills/s, {fills / used.TotalSeconds:N0} fills/CPU-s, {raw.Events} events{pages}");
                }
            }
    }

    /// <summary>
    /// The pipeline without and with the pre-trade controls (<see cref="PipelineBot.ControlsOn"/>, none binding), one
    /// pass each in turn, for a quick check of what the controls cost; the benchmark table takes the figures.
    /// </summary>
    public static async Task ControlsAsync(int fills, IReadOnlyList<Storage> storages, int passes)
    {
        foreach (var storage in storages)
        {
            var seconds = new double[2];
            for (var pass = 0; pass < passes; pass++)
            {
                foreach (var controlsOn in new[] { false, true })
                {
                    using var bot = new PipelineBot(storage, controlsOn ? PipelineBot.ControlsOn : null);
                    var feed = TradeFeed.Fills(fills);
                    var started = Stopwatch.GetTimestamp();
                    await bot.RunAsync(feed, TradeFeed.Symbols.Count, CancellationToken.None).ConfigureAwait(false);
                    if (pass > 0) // the first pass warms the runtime up
                        seconds[controlsOn ? 1 : 0] += Stopwatch.GetElapsedTime(started).TotalSeconds;
                }
            }

            var (without, with) = (fills * (passes - 1) / seconds[0], fills * (passes - 1) / seconds[1]);
            Console.WriteLine($"pipeline {storage}: {without:N0} fills/s without controls, {with:N0} fills/s with them on (none binding): {with / without:P1}");
        }
    }

    /// <summary>
    /// Where a fill's time goes, by the pipeline's three phases as <see cref="PipelineBot.RunAsync"/> runs them
    /// (enqueue; trade, order and placement; broker answer and fill through the poller), in microseconds of wall time per fill.
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
                    await bot.Queue.ProcessBatchAsync(EventQueueProcessor.DefaultBatchSize, CancellationToken.None).ConfigureAwait(false);
                    var processed = Stopwatch.GetTimestamp();
                    await bot.Poller.PollPendingOrdersAsync(CancellationToken.None).ConfigureAwait(false);
                    phases[0] += enqueued - began;
                    phases[1] += processed - enqueued;
                    phases[2] += Stopwatch.GetTimestamp() - processed;
                }

                var perFill = phases.Select(ticks => ticks * 1e6 / Stopwatch.Frequency / fills).ToArray();
                Console.WriteLine($"phases {storage}: enqueue {perFill[0]:N0} µs, trade + order + placement {perFill[1]:N0} µs, broker answer + poll + fill {perFill[2]:N0} µs, total {perFill.Sum():N0} µs per fill");
            }
        }
    }

    /// <summary>A burst of 2,000 fills (all due at once), or an open loop at <paramref name="perSecond"/> fills a second for 3 s.</summary>
    public static async Task LatencyAsync(IReadOnlyList<Storage> storages, double? perSecond = null)
    {
        foreach (var storage in storages)
        {
            var result = perSecond is { } rate
                ? await Latency.OpenLoopRun.MeasureAsync(storage, 8, (int)(rate * 3), rate, CancellationToken.None).ConfigureAwait(false)
                : await Latency.OpenLoopRun.MeasureAsync(storage, 8, 2_000, double.PositiveInfinity, CancellationToken.None).ConfigureAwait(false);
            Console.WriteLine($"latency {storage}: {result}");
        }
    }
}
