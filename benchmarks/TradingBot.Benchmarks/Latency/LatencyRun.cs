using System.Diagnostics;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Benchmarks.Pipeline;

namespace TradingBot.Benchmarks.Latency;

/// <summary>
/// Time from a fill entering the queue to its broker order being placed, with concurrent workers on one
/// database. Each worker owns some of the 20 symbols; it enqueues a 1-share fill of its next symbol,
/// works the shared queue until that symbol's order reaches the broker, then polls so that the order is
/// filled and the symbol free again (polling is not part of the latency). Workers process each other's fills, as queue workers do.
/// </summary>
public static class LatencyRun
{
    public static async Task<LatencyResult> MeasureAsync(Storage storage, int workers, int fillsPerWorker, CancellationToken cancellationToken)
    {
        using var bot = new PipelineBot(storage);
        // The store's API is synchronous: a worker waiting for its turn holds its thread, as a service's would.
        ThreadPool.GetMinThreads(out var minimum, out var io);
        ThreadPool.SetMinThreads(Math.Max(minimum, 2 * workers), io);
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        var samples = await Task.WhenAll(Enumerable.Range(0, workers).Select(worker =>
            Task.Run(() => WorkAsync(bot, worker, workers, fillsPerWorker, () => Interlocked.Increment(ref next), cancellationToken), cancellationToken)))
            .ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var all = samples.SelectMany(sample => sample).Order().ToArray();
        return new LatencyResult(workers, all.Length, Percentile(all, 0.50), Percentile(all, 0.99), all[^1], all.Length / elapsed.TotalSeconds);
    }

    private static async Task<List<TimeSpan>> WorkAsync(PipelineBot bot, int worker, int workers, int fills, Func<int> nextFill, CancellationToken cancellationToken)
    {
        var mine = TradeFeed.Symbols.Where((_, index) => index % workers == worker).ToArray();
        var samples = new List<TimeSpan>(fills);
        for (var count = 0; count < fills; count++)
        {
            var symbol = mine[count % mine.Length];
            var fill = NextFillOf(symbol, nextFill);
            var placedBefore = bot.Executor.PlacedAt(symbol);
            var enqueued = Stopwatch.GetTimestamp();
            bot.Queue.Enqueue(fill);
            while (bot.Executor.PlacedAt(symbol) == placedBefore)
            {
                if ((await bot.Queue.ProcessBatchAsync(EventQueueProcessor.DefaultBatchSize, cancellationToken).ConfigureAwait(false)).Count == 0)
                    await Task.Yield(); // another worker is placing it right now
            }

            samples.Add(Stopwatch.GetElapsedTime(enqueued, bot.Executor.PlacedAt(symbol)));
            // The order may still be recording its submission on another worker: poll until it is filled.
            do
                await bot.Poller.PollPendingOrdersAsync(cancellationToken).ConfigureAwait(false);
            while (bot.Conductor.LoadPosition(symbol)?.PendingExecutionId is not null);
        }

        return samples;
    }

    // Fill numbers are shared by all workers so that hashes and blocks never repeat; the symbol is the worker's own.
    private static Acceptance.Domain.EventSourcing.ChainEvent NextFillOf(Symbol symbol, Func<int> nextFill)
    {
        var number = nextFill();
        var fill = TradeFeed.Fill(number);
        return fill with { EventData = FillEventData.Write(symbol.TokenSymbol, 1m, Direction.Sell, 100m) };
    }

    private static TimeSpan Percentile(TimeSpan[] sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
}
