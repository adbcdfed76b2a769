using System.Collections.Concurrent;
using System.Diagnostics;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Benchmarks.Pipeline;

namespace TradingBot.Benchmarks.Latency;

/// <summary>
/// Time from a fill being due to the broker receiving the order that hedges it, at a fixed offered load (open
/// loop): a feeder enqueues 1-share fills, round-robin over the 20 symbols, each at its scheduled time
/// (<c>perSecond</c>), whether or not the workers keep up, and each fill's latency counts from that time
/// (<see cref="CoverageLedger"/>); <c>workers</c> queue workers take the rows; one poller records the broker's
/// fills after every batch. At an infinite rate every fill is due at the start (a burst): the rate the
/// run reaches is then the rate the workers sustain. After the run, the database must hold every fill offered,
/// every order the broker received and its fill (<see cref="WrittenRows"/>).
/// </summary>
public static class OpenLoopRun
{
    public static async Task<LatencyResult> MeasureAsync(Storage storage, int workers, int fills, double perSecond, CancellationToken cancellationToken)
    {
        using var bot = new PipelineBot(storage);
        ThreadPool.GetMinThreads(out var minimum, out var io);
        ThreadPool.SetMinThreads(Math.Max(minimum, 2 * workers + 2), io);
        var ledger = new CoverageLedger(fills);
        bot.Executor.Received = ledger.Cover;
        using var arrived = new SemaphoreSlim(0);
        using var placed = new SemaphoreSlim(0);
        var processed = new Countdown(fills);
        var rows = new ConcurrentDictionary<long, byte>();
        using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var (gcPause, gcCount) = (GC.GetTotalPauseDuration(), GC.CollectionCount(0));
        var started = Stopwatch.GetTimestamp();

        var feeder = Task.Factory.StartNew(() => Feed(bot, ledger, fills, perSecond, started, arrived), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var poller = Task.Run(() => PollAsync(bot, placed, done.Token), cancellationToken);
        var working = Enumerable.Range(0, workers)
            .Select(_ => Task.Run(() => WorkAsync(bot, rows, arrived, placed, processed, done.Token), cancellationToken))
            .ToArray();
        await feeder.ConfigureAwait(false);
        await processed.Finished.WaitAsync(cancellationToken).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        await done.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(working.Append(poller)).ConfigureAwait(false);
        await bot.Poller.PollPendingOrdersAsync(CancellationToken.None).ConfigureAwait(false); // the last orders' fills

        var orders = bot.Executor.Placed;
        var run = $"The open-loop run of {fills} fills at {perSecond} fills/s ({storage})";
        WrittenRows.Count(bot.Database).ShouldBe(WrittenRows.For(fills, orders, Math.Min(fills, TradeFeed.Symbols.Count)), run);
        var all = ledger.Sorted();
        if (all.Length == 0)
            throw new InvalidOperationException($"{run} hedged no fill.");
        return new LatencyResult(workers, fills, perSecond, fills / elapsed.TotalSeconds)
        {
            Covered = all.Length,
            Orders = orders,
            P50 = CoverageLedger.Percentile(all, 0.50),
            P95 = CoverageLedger.Percentile(all, 0.95),
            P99 = CoverageLedger.Percentile(all, 0.99),
            Max = all[^1],
            GcPause = GC.GetTotalPauseDuration() - gcPause,
            GcCount = GC.CollectionCount(0) - gcCount,
        };
    }

    // Paced by the clock, not by the workers: a fill is due every 1/perSecond seconds from the start.
    private static void Feed(PipelineBot bot, CoverageLedger ledger, int fills, double perSecond, long started, SemaphoreSlim arrived)
    {
        for (var index = 0; index < fills; index++)
        {
            var due = started + (long)(index * Stopwatch.Frequency / perSecond);
            while (Stopwatch.GetTimestamp() < due)
                Thread.Sleep(1); // never spin: the feeder would take a core from the workers
            var fill = TradeFeed.Fill(index, seed: 7);
            ledger.Due(TradeFeed.Symbols[index % TradeFeed.Symbols.Count].Value, due);
            bot.Queue.Enqueue(fill);
            arrived.Release();
        }
    }

    private static async Task WorkAsync(PipelineBot bot, ConcurrentDictionary<long, byte> rows, SemaphoreSlim arrived, SemaphoreSlim placed, Countdown countdown,
        CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var steps = await bot.Queue.ProcessBatchAsync(EventQueueProcessor.DefaultBatchSize, CancellationToken.None).ConfigureAwait(false);
            foreach (var step in steps)
            {
                // A row another worker had just processed can come back as a duplicate that changes nothing: count rows, not steps.
                var row = step switch { QueueStep.Processed processed => processed.RowId, QueueStep.DeadLettered dead => dead.RowId, _ => (long?)null };
                if (row is { } id && rows.TryAdd(id, 0))
                    countdown.Signal();
            }

            // After every batch, not only one that placed orders: its transaction may have recorded the broker's answers to earlier placements.
            if (steps.Count > 0)
                placed.Release();

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
}
