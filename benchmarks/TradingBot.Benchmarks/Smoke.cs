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
                var (started, cpu) = (Stopwatch.GetTimestamp(), Process.GetCurrentProcess().TotalProcessorTime);
                await bot.RunAsync(TradeFeed.Fills(fills), TradeFeed.Symbols.Count, CancellationToken.None).ConfigureAwait(false);
                var elapsed = Stopwatch.GetElapsedTime(started);
                var events = bot.Database.ReadEventLog().Count;
                var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                Console.WriteLine($"pipeline {storage}: {fills / elapsed.TotalSeconds:N0} fills/s, {fills / used.TotalSeconds:N0} fills/CPU-s, {events} events, {bot.Executor.Placed} orders");
            }

            using (var bot = new PipelineBot(storage))
            using (var raw = new RawInsertWriter(bot.Database))
            {
                var (started, cpu) = (Stopwatch.GetTimestamp(), Process.GetCurrentProcess().TotalProcessorTime);
                raw.Run(TradeFeed.Fills(fills), TradeFeed.Symbols.Count);
                var elapsed = Stopwatch.GetElapsedTime(started);
                var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                Console.WriteLine($"raw {storage}: {fills / elapsed.TotalSeconds:N0} fills/s, {fills / used.TotalSeconds:N0} fills/CPU-s, {raw.Events} events");
            }
        }
    }

    public static async Task LatencyAsync(IReadOnlyList<Storage> storages)
    {
        foreach (var storage in storages)
        {
            var result = await Latency.LatencyRun.MeasureAsync(storage, 8, 100, CancellationToken.None).ConfigureAwait(false);
            Console.WriteLine($"latency {storage}: {result}");
        }
    }
}
