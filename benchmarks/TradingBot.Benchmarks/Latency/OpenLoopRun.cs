using System.Collections.Concurrent;
using System.Diagnostics;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Benchmarks.Pipeline;

namespace TradingBot.Benchmarks.Latency;

/// <summary>
/// Time from a fill entering the queue to its broker order being placed, at a fixed offered load (open loop):
/// a feeder enqueues 1-share fills at <c>perSecond</c>, round-robin over the 20 symbols, whether or not the
/// workers keep up; <c>workers</c> queue workers take the rows; one poller records the broker's fills as soon
/// as orders are placed, so that each symbol is free again before its next fill (20 fills apart). A fill
/// that arrives while its symbol still waits on an order is counted as not hedged on its own.
/// </summary>
public static class OpenLoopRun
{

    public static async Task<LatencyResult> MeasureAsync(Storage storage, int workers, int fills, double perSecond, CancellationToken cancellationToken)
    {
        using var bot = new PipelineBot(storage);
        ThreadPool.GetMinThreads(out var minimum, out var io);
        ThreadPool.SetMinThreads(Math.Max(minimum, 2 * workers + 2), io);
        var enqueuedAt = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var samples = new ConcurrentBag<TimeSpan>();
        using var arrived = new SemaphoreSlim(0);
        using var placed = new SemaphoreSlim(0);
        var processed = new Countdown(fills);
        using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var (gcPause, gcCount) = (GC.GetTotalPauseDuration(), GC.CollectionCount(0));
        var started = Stopwatch.GetTimestamp();

        var feeder = Task.Factory.StartNew(() => Feed(bot, fills, perSecond, started, enqueuedAt, arrived), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var poller = Task.Run(() => PollAsync(bot, placed, done.Token), cancellationToken);
        var working = Enumerable.Range(0, workers)
            .Select(_ => Task.Run(() => WorkAsync(bot, enqueuedAt, samples, arrived, placed, processed, done.Token), cancellationToken))
            .ToArray();
        await feeder.ConfigureAwait(false);
        await processed.Finished.WaitAsync(cancellationToken).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        await done.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(working.Append(poller)).ConfigureAwait(false);

        var all = samples.Order().ToArray();
        return new LatencyResult(workers, all.Length, Percentile(all, 0.50), Percentile(all, 0.99), all[^1], fills / elapsed.TotalSeconds)
        {
            Offered = fills,
            PerSecondOffered = perSecond,
            GcPause = GC.GetTotalPauseDuration() - gcPause,
            GcCount = GC.CollectionCount(0) - gcCount,
        };
    }

    // Paced by the clock, not by the workers: a fill is due every 1/perSecond seconds from the start.
    private static void Feed(PipelineBot bot, int fills, double perSecond, long started, ConcurrentDictionary<string, long> enqueuedAt, SemaphoreSlim arrived)
    {
        for (var index = 0; index < fills; index++)
        {
            var due = started + (long)(index * Stopwatch.Frequency / perSecond);
            while (Stopwatch.GetTimestamp() < due)
                Thread.Sleep(1); // never spin: the feeder would take a core from the workers
            var fill = TradeFeed.Fill(index, seed: 7);
            enqueuedAt[fill.TxHash] = Stopwatch.GetTimestamp();
            bot.Queue.Enqueue(fill);
            arrived.Release();
        }
    }

    private static async Task WorkAsync(PipelineBot bot, ConcurrentDictionary<string, long> enqueuedAt, ConcurrentBag<TimeSpan> samples,
        SemaphoreSlim arrived, SemaphoreSlim placed, Countdown countdown, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var steps = await bot.Queue.ProcessBatchAsync(EventQueueProcessor.DefaultBatchSize, CancellationToken.None).ConfigureAwait(false);
            foreach (var step in steps)
            {
                countdown.Signal();
                if (step is QueueStep.Processed { Execution: { } execution } processed)
                {
                    var placedAt = bot.Executor.PlacedAt(execution.Symbol);
                    samples.Add(Stopwatch.GetElapsedTime(enqueuedAt[processed.TradeId.TxHash], placedAt));
                    placed.Release();
                }
            }

            if (steps.Count == 0)
            {
                try
                {
                    await arrived.WaitAsync(TimeSpan.FromMilliseconds(20), cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private static async Task PollAsync(PipelineBot bot, SemaphoreSlim placed, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await placed.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            while (placed.CurrentCount > 0)
                placed.Wait(0, CancellationToken.None);
            await bot.Poller.PollPendingOrdersAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static TimeSpan Percentile(TimeSpan[] sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
}
