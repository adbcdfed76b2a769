using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;

namespace TradingBot.Acceptance.UnitTests.Hedging;

[TestFixture]
public sealed class EventQueueProcessorTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Test]
    public async Task A_duplicate_delivery_is_counted_once()
    {
        using var bot = new HedgingTestBed();
        var chainEvent = FillEventData.ForFill(HedgingTestBed.Hash(0xabc1), 3, 100, HedgingTestBed.Start, "tAAPL", 0.6m, Direction.Sell, 100m);

        bot.Queue.Enqueue(chainEvent).ShouldBeTrue("first delivery");
        bot.Queue.Enqueue(chainEvent).ShouldBeFalse("second delivery");
        (await bot.Queue.ProcessAllAsync(None)).Count.ShouldBe(1, "rows processed");
        bot.Queue.Enqueue(chainEvent).ShouldBeFalse("delivery after processing");

        bot.Database.ReadEventLog().Count.ShouldBe(3, "events");
        bot.Conductor.LoadPosition(new Symbol("AAPL"))!.Net.Value.ShouldBe(-0.6m, "net");
        bot.Queue.Rows().ShouldHaveSingleItem().Processed.ShouldBeTrue("the row is marked processed");
    }

    [Test]
    public async Task Queued_fills_are_applied_in_block_and_log_order()
    {
        using var bot = new HedgingTestBed();
        bot.Queue.Enqueue(FillEventData.ForFill(HedgingTestBed.Hash(0xbbb2), 0, 101, HedgingTestBed.Start, "tAAPL", 0.4m, Direction.Sell, 100m));
        bot.Queue.Enqueue(FillEventData.ForFill(HedgingTestBed.Hash(0xaaa1), 7, 100, HedgingTestBed.Start, "tAAPL", 0.3m, Direction.Sell, 100m));
        bot.Queue.Enqueue(FillEventData.ForFill(HedgingTestBed.Hash(0xaaa1), 2, 100, HedgingTestBed.Start, "tAAPL", 0.1m, Direction.Buy, 100m));

        await bot.Queue.ProcessAllAsync(None);

        bot.Database.ReadEventLog().Where(recorded => recorded.AggregateType == "OnChainTrade").Select(recorded => recorded.AggregateId)
            .ShouldBe([$"{HedgingTestBed.Hash(0xaaa1)}:2", $"{HedgingTestBed.Hash(0xaaa1)}:7", $"{HedgingTestBed.Hash(0xbbb2)}:0"]);
        bot.Conductor.LoadPosition(new Symbol("AAPL"))!.Net.Value.ShouldBe(-0.6m, "net");
        bot.Queue.ResumeBlock(deploymentBlock: 50).ShouldBe(102, "backfill start");
    }

    [Test]
    public async Task A_queued_fill_that_crosses_the_threshold_is_hedged_and_sent()
    {
        using var bot = new HedgingTestBed();
        bot.Queue.Enqueue(FillEventData.ForFill(HedgingTestBed.Hash(1), 0, 100, HedgingTestBed.Start, "tAAPL", 1.2m, Direction.Sell, 100m));

        var step = (await bot.Queue.ProcessNextAsync(None)).ShouldBeOfType<QueueStep.Processed>();

        step.Outcome.ShouldBe(new ExecutionOutcome.Submitted(new ExecutionId(1), new Domain.Execution.BrokerOrderId("TEST_1")));
        (await bot.Queue.ProcessNextAsync(None)).ShouldBeOfType<QueueStep.Idle>();
    }

    [TestCase("""{"token_symbol":"USDC","amount":"1","direction":"Sell","price_usdc":"1"}""", "token_symbol", TestName = "A fill of an unknown token is a dead letter")]
    [TestCase("""{"token_symbol":"tAAPL","amount":"0","direction":"Sell","price_usdc":"1"}""", "amount", TestName = "A fill of zero is a dead letter")]
    [TestCase("""{"token_symbol":"tAAPL","direction":"Sell","price_usdc":"1"}""", "event_data", TestName = "A fill without an amount is a dead letter")]
    public async Task An_unconvertible_row_is_dead_lettered_and_writes_no_event(string data, string field)
    {
        using var bot = new HedgingTestBed();
        bot.Queue.Enqueue(new ChainEvent(HedgingTestBed.Hash(1), 0, 100, HedgingTestBed.Start, data));
        bot.Queue.Enqueue(FillEventData.ForFill(HedgingTestBed.Hash(2), 0, 101, HedgingTestBed.Start, "tAAPL", 0.5m, Direction.Sell, 100m));

        var steps = await bot.Queue.ProcessAllAsync(None);

        steps[0].ShouldBeOfType<QueueStep.DeadLettered>().Error.Field.ShouldBe(field, "the field named");
        steps[1].ShouldBeOfType<QueueStep.Processed>("the next row is not blocked");
        bot.Queue.Rows()[0].Error.ShouldStartWith(field);
        bot.Database.ReadEventLog().Count.ShouldBe(3, "events: only the good fill's");
    }

    [Test]
    public async Task A_row_queued_before_a_restart_is_processed_once_after_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"restart-{Guid.NewGuid():N}.db");
        try
        {
            using (var before = new HedgingTestBed(database: SqliteDatabase.OpenFile(path, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(HedgingTestBed.Start))))
                before.Queue.Enqueue(FillEventData.ForFill(HedgingTestBed.Hash(0xdef4), 1, 100, HedgingTestBed.Start, "tAAPL", 0.6m, Direction.Sell, 100m));

            using var after = new HedgingTestBed(database: SqliteDatabase.OpenFile(path, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(HedgingTestBed.Start)));
            await after.Queue.ProcessNextAsync(None);
            (await after.Queue.ProcessNextAsync(None)).ShouldBeOfType<QueueStep.Idle>();

            after.Conductor.LoadPosition(new Symbol("AAPL"))!.Net.Value.ShouldBe(-0.6m, "net after the restart");
        }
        finally
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
                File.Delete(file);
        }
    }
}
