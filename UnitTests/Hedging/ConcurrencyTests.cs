using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OnChainTrades;

namespace TradingBot.Acceptance.UnitTests.Hedging;

[TestFixture]
public sealed class ConcurrencyTests
{
    private static readonly string[] Tokens = ["tAAPL", "tMSFT", "tNVDA", "tTSLA"];

    [Test]
    public async Task Workers_in_separate_processes_apply_every_fill_once_and_never_hedge_a_symbol_twice_at_once()
    {
        var path = Path.Combine(Path.GetTempPath(), $"concurrency-{Guid.NewGuid():N}.db");
        var clock = new FakeTimeProvider(HedgingTestBed.Start);
        await RunWorkersAsync(clock, () => SqliteDatabase.OpenFile(path, clock));
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            File.Delete(file);
    }

    [Test]
    public async Task Workers_sharing_an_in_memory_database_apply_every_fill_once_and_never_hedge_a_symbol_twice_at_once()
    {
        var clock = new FakeTimeProvider(HedgingTestBed.Start);
        using var shared = SqliteDatabase.InMemory(clock);
        await RunWorkersAsync(clock, () => shared);
    }

    private static async Task RunWorkersAsync(FakeTimeProvider clock, Func<SqliteDatabase> open)
    {
        var random = new Random(20250106);
        var fills = Enumerable.Range(1, 120)
            .Select(number => HedgingTestBed.Fill(HedgingTestBed.Hash(number), Tokens[number % Tokens.Length],
                random.Next(1, 8) / 10m, random.Next(3) == 0 ? Direction.Buy : Direction.Sell))
            .ToList();
        var workers = Enumerable.Range(0, 3).Select(_ => new HedgingTestBed(database: open(), clock: clock)).ToList();
        try
        {
            // every worker receives every fill, in its own order: each fill is delivered three times at once
            await Task.WhenAll(workers.Select((worker, index) => Task.Run(() => RunAsync(worker, fills.OrderBy(_ => new Random(index).Next()).ToList()))));

            var log = workers[0].Database.ReadEventLog();
            log.Count(recorded => recorded.EventType == "OnChainTradeEvent::Filled").ShouldBe(fills.Count, "trades recorded");
            foreach (var symbol in fills.Select(fill => fill.Symbol).Distinct())
            {
                var position = workers[0].Conductor.LoadPosition(symbol)!;
                var mine = fills.Where(fill => fill.Symbol == symbol).ToList();
                position.AccumulatedShort.Value.ShouldBe(mine.Where(fill => fill.Direction == Direction.Sell).Sum(fill => fill.Amount.Value), $"{symbol} short");
                position.AccumulatedLong.Value.ShouldBe(mine.Where(fill => fill.Direction == Direction.Buy).Sum(fill => fill.Amount.Value), $"{symbol} long");
                MostOrdersOpenAtOnce(log, symbol).ShouldBeLessThanOrEqualTo(1, $"{symbol} orders open at once");
            }
        }
        finally
        {
            workers.ForEach(worker => worker.Dispose());
        }
    }

    private static async Task RunAsync(HedgingTestBed worker, IReadOnlyList<OnChainFill> fills)
    {
        foreach (var fill in fills)
        {
            if (await worker.Conductor.ProcessTradeWithinTransactionAsync(fill, CancellationToken.None) is { } execution)
                await worker.Conductor.ExecutePendingOffchainExecutionAsync(execution.ExecutionId, CancellationToken.None);
            await worker.Poller.PollPendingOrdersAsync(CancellationToken.None);
        }
    }

    private static int MostOrdersOpenAtOnce(IReadOnlyList<RecordedEvent> log, Symbol symbol)
    {
        var open = 0;
        var most = 0;
        foreach (var recorded in log.Where(recorded => recorded.AggregateType == "Position" && recorded.AggregateId == symbol.Value))
        {
            open += recorded.EventName switch
            {
                "OffChainOrderPlaced" => 1,
                "OffChainOrderFilled" or "OffChainOrderFailed" => -1,
                _ => 0,
            };
            most = Math.Max(most, open);
        }

        return most;
    }
}
