using System.Diagnostics;
using System.Globalization;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.Hosting;
using TradingBot.Acceptance.Domain.Risk;
using TradingBot.Benchmarks.Pipeline;

namespace TradingBot.Benchmarks.Poller;

/// <summary>
/// `--smoke --poll`: one cycle of the order status poller over many open orders, as the soak's poller meets them
/// every 15–20 s. The real pipeline first hedges one fill of 1 share for each of <c>orders</c> symbols (rounds
/// of one batch, the last answers recorded by a transaction of their own), which leaves that many submitted
/// orders; then one timed <c>PollPendingOrdersAsync</c>, in which the in-process broker reports each filled.
/// Printed per pass: CPU and wall time of the cycle, and the bytes allocated per polled order. Fails unless the
/// set-up left every order submitted and the cycle filled every one of them (outcomes and rows written). With
/// <c>cold</c>, the cycle is polled by a bot opened anew on the same file or PostgreSQL schema, whose aggregate
/// cache holds nothing yet: every order and position is read from its events, as after a restart.
/// </summary>
public static class PollCycle
{
    public const int DefaultOrders = 15_000;

    /// <param name="allocations">Also print which types the cycles after the first allocate (<see cref="AllocationSampler"/>).</param>
    public static async Task RunAsync(int orders, Storage storage, int passes, bool allocations = false, bool cold = false)
    {
        if (cold && storage == Storage.Memory)
            throw new ArgumentException("A cold cycle reopens the store: it runs on a file or PostgreSQL.", nameof(cold));
        using var sampler = allocations ? new AllocationSampler() : null;
        for (var pass = 1; pass <= passes; pass++)
        {
            using var bot = new PipelineBot(storage);
            await OpenOrdersAsync(bot, orders).ConfigureAwait(false);
            var hedged = WrittenRows.For(orders, orders, orders);
            WrittenRows.Count(bot.Database).ShouldBe(hedged with { Events = hedged.Events - (2 * orders), Fills = 0 }, $"poll set-up ({storage})");

            using var reopened = cold ? bot.OpenAnother() : null;
            var poller = reopened is null ? bot.Poller
                : new BotComposition(reopened, new BrokerRoute(bot.Executor), bot.Clock, HedgingSettings.ForExecutor(bot.Executor.Kind), RiskSettings.None).Poller;

            // The set-up's garbage is collected before, not during, the timed cycle.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var collections = GC.CollectionCount(0);
            var (started, cpu, allocated) = (Stopwatch.GetTimestamp(), Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: true));
            if (sampler is not null)
                sampler.On = pass > 1; // the first cycle runs code not yet optimised
            var outcomes = await poller.PollPendingOrdersAsync(CancellationToken.None).ConfigureAwait(false);
            if (sampler is not null)
                sampler.On = false;
            var elapsed = Stopwatch.GetElapsedTime(started);
            var perOrder = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / orders;
            var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            collections = GC.CollectionCount(0) - collections;

            var filled = outcomes.Count(outcome => outcome is ExecutionOutcome.Filled);
            if (outcomes.Count != orders || filled != orders)
                throw new InvalidOperationException($"The poll cycle ({storage}) had {outcomes.Count} outcomes, {filled} of them fills, where {orders} orders were open.");
            WrittenRows.Count(bot.Database).ShouldBe(hedged, $"poll cycle ({storage})");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"poll {storage}{(cold ? " cold" : "")} pass {pass}: {orders:N0} orders filled in {used.TotalMilliseconds:N0} CPU ms, {elapsed.TotalMilliseconds:N0} ms wall, "
                + $"{perOrder:N0} bytes allocated per order, {collections} gen0 collections; load average {ShortRun.LoadAverage()}"));
        }

        foreach (var (type, samples) in sampler?.Top(40) ?? [])
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{samples,6} allocation samples: {type}"));
    }

    // One fill of 1 share per symbol, a round of one batch at a time through the queue processor, so that each fill
    // is hedged by a broker order of its own; the answers to the last batch's placements in a transaction of their own.
    private static async Task OpenOrdersAsync(PipelineBot bot, int orders)
    {
        const int Round = EventQueueProcessor.DefaultBatchSize;
        for (var start = 0; start < orders; start += Round)
        {
            ChainEvent[] round = [.. Enumerable.Range(start, Math.Min(Round, orders - start)).Select(Fill)];
            bot.Queue.Enqueue(round);
            var processed = await bot.Queue.ProcessBatchAsync(Round, CancellationToken.None).ConfigureAwait(false);
            if (processed.Count != round.Length)
                throw new InvalidOperationException($"A batch processed {processed.Count} of the round's {round.Length} rows.");
        }

        await bot.Queue.RecordWaitingAnswersAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private static ChainEvent Fill(int index)
    {
        var hash = string.Create(CultureInfo.InvariantCulture, $"0x{index:x64}");
        return FillEventData.ForFill(hash, 0, 1_000 + index, TradeFeed.Start.AddSeconds(-12), "t" + Ticker(index), 1m, Direction.Sell, 100m);
    }

    // A ticker per number: P0, P1, …
    private static string Ticker(int index) => string.Create(CultureInfo.InvariantCulture, $"P{index}");
}
