using System.Text.Json;
using Microsoft.Data.Sqlite;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.OffchainOrders;
using TradingBot.Acceptance.Domain.OnChainTrades;
using TradingBot.Acceptance.UnitTests.EventSourcing;

namespace TradingBot.Acceptance.UnitTests.Hedging;

/// <summary>
/// Several queue rows share one transaction, a savepoint each; their hedges are sent, and the broker's answers are
/// recorded together by the write transaction that follows.
/// </summary>
[TestFixture]
public sealed class QueueBatchTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Test]
    public async Task A_batch_records_each_rows_trade_and_sends_every_hedge_it_triggered()
    {
        using var bot = new HedgingTestBed();
        EnqueueThree(bot);

        var steps = await bot.Queue.ProcessBatchAsync(10, None);

        steps.Select(step => step.ShouldBeOfType<QueueStep.Processed>().Outcome?.GetType().Name)
            .ShouldBe(["Submitted", "Submitted", "Submitted"], "each row's hedge");
        bot.Executor.ReceivedOrders().Select(order => $"{order.Symbol} {order.Shares.Value}").ShouldBe(["AAPL 1.2", "MSFT 1.5", "NVDA 1.5"], "orders in chain order, fractional for the dry-run broker");
        bot.Queue.Rows().Select(row => row.Processed).ShouldBe([true, true, true], "rows processed");
        new OffchainOrderView(bot.Database).All("Pending").Count.ShouldBe(3, "orders whose answers wait for the transaction that follows");
        (await bot.Queue.ProcessBatchAsync(10, None)).ShouldBeEmpty("no row left");
        new OffchainOrderView(bot.Database).All("Submitted").Count.ShouldBe(3, "submitted orders, recorded once the queue had nothing left");
    }

    [Test]
    public async Task The_next_batch_records_the_broker_answers_to_the_one_before_in_its_own_transaction()
    {
        using var bot = new HedgingTestBed();
        EnqueueThree(bot);
        await bot.Queue.ProcessBatchAsync(10, None);
        bot.Queue.Enqueue(FillEventData.ForFill(HedgingTestBed.Hash(4), 0, 103, HedgingTestBed.Start, "tTSLA", 1.5m, Direction.Sell, 100m));
        var events = bot.Database.ReadEventLog().Count;

        (await bot.Queue.ProcessBatchAsync(10, None)).ShouldHaveSingleItem().ShouldBeOfType<QueueStep.Processed>().Outcome.ShouldBeOfType<ExecutionOutcome.Submitted>();

        var written = bot.Database.ReadEventLog().Skip(events).Select(recorded => recorded.EventType).ToList();
        written.Take(3).ShouldBe(Enumerable.Repeat("OffchainOrderEvent::Submitted", 3), "the earlier answers first, in the batch's transaction");
        written.ShouldContain("OnChainTradeEvent::Filled", "then the batch's own trade");
        new OffchainOrderView(bot.Database).All("Submitted").Count.ShouldBe(3, "the first batch's orders");
        new OffchainOrderView(bot.Database).All("Pending").Count.ShouldBe(1, "the second batch's order, its answer waiting");
    }

    [Test]
    public async Task The_poll_after_a_batch_records_its_broker_answers_and_follows_the_orders_the_broker_took_in_one_transaction()
    {
        using var bot = new HedgingTestBed();
        EnqueueThree(bot);
        await bot.Queue.ProcessBatchAsync(10, None);
        var events = bot.Database.ReadEventLog().Count;

        var outcomes = await bot.Poller.PollPendingOrdersAsync(None);

        outcomes.Select(outcome => outcome.GetType().Name).ShouldBe(["Filled", "Filled", "Filled"], "the orders the broker took, polled with their answers");
        bot.Database.ReadEventLog().Skip(events).Select(recorded => recorded.EventType).Take(3).ShouldBe(Enumerable.Repeat("OffchainOrderEvent::Submitted", 3), "the answers first");
        new OffchainOrderView(bot.Database).All("Filled").Count.ShouldBe(3, "filled orders");
        bot.Guards.IsPlacing(new ExecutionId(1)).ShouldBeFalse("the placement ended once its answer was recorded");
    }

    [Test]
    public async Task A_row_that_throws_mid_batch_stays_unprocessed_while_the_rows_before_it_commit_and_are_hedged()
    {
        using var bot = new HedgingTestBed();
        EnqueueThree(bot);
        CorruptPosition(bot.Database, "MSFT");

        var failure = await Should.ThrowAsync<JsonException>(() => bot.Queue.ProcessBatchAsync(10, None));

        failure.Message.ShouldBe("Unknown Position event 'Bogus'.", "the row's own exception");
        bot.Queue.Rows().Select(row => row.Processed).ShouldBe([true, false, false], "AAPL processed, MSFT failed, NVDA untouched");
        bot.Database.ReadEventLog().Where(recorded => recorded.AggregateType == "OnChainTrade").Select(recorded => recorded.AggregateId)
            .ShouldBe([$"{HedgingTestBed.Hash(1)}:0"], "trades recorded");
        bot.Executor.ReceivedOrders().ShouldHaveSingleItem().Symbol.ShouldBe(new Symbol("AAPL"), "the hedge of the committed row went to the broker");
        await bot.Queue.RecordWaitingAnswersAsync(None);
        new OffchainOrderView(bot.Database).All().ShouldHaveSingleItem().Order.ShouldBeOfType<OffchainOrder.Submitted>("AAPL's order");
        MigrationTests.Query(bot.Database.ConnectionString, "SELECT symbol FROM symbol_locks").ShouldBe(["AAPL"], "leases");
    }

    [Test]
    public async Task Rows_of_one_symbol_go_in_separate_batches_in_chain_order()
    {
        using var bot = new HedgingTestBed();
        bot.Queue.Enqueue(FillEventData.ForFill(HedgingTestBed.Hash(1), 0, 100, HedgingTestBed.Start, "tAAPL", 0.6m, Direction.Sell, 100m));
        bot.Queue.Enqueue(FillEventData.ForFill(HedgingTestBed.Hash(2), 0, 101, HedgingTestBed.Start, "tAAPL", 0.6m, Direction.Sell, 100m));
        bot.Queue.Enqueue(FillEventData.ForFill(HedgingTestBed.Hash(3), 0, 102, HedgingTestBed.Start, "tMSFT", 0.6m, Direction.Sell, 100m));

        var first = await bot.Queue.ProcessBatchAsync(10, None);
        var second = await bot.Queue.ProcessBatchAsync(10, None);

        first.Select(step => step.ShouldBeOfType<QueueStep.Processed>().TradeId.TxHash).ShouldBe([HedgingTestBed.Hash(1), HedgingTestBed.Hash(3)], "first batch");
        second.Select(step => step.ShouldBeOfType<QueueStep.Processed>().TradeId.TxHash).ShouldBe([HedgingTestBed.Hash(2)], "second batch");
        (await bot.Queue.ProcessBatchAsync(10, None)).ShouldBeEmpty("nothing left");
    }

    [Test]
    public void One_enqueue_batch_drops_a_fill_repeated_inside_it()
    {
        using var bot = new HedgingTestBed();
        var fill = FillEventData.ForFill(HedgingTestBed.Hash(1), 0, 100, HedgingTestBed.Start, "tAAPL", 0.6m, Direction.Sell, 100m);
        var other = FillEventData.ForFill(HedgingTestBed.Hash(2), 0, 101, HedgingTestBed.Start, "tMSFT", 0.6m, Direction.Sell, 100m);

        bot.Queue.Enqueue([fill, fill, other, fill with { BlockNumber = 102 }]).ShouldBe([true, false, true, false], "added");

        bot.Queue.Rows().Select(row => row.Event.TxHash).ShouldBe([HedgingTestBed.Hash(1), HedgingTestBed.Hash(2)], "queue rows");
    }

    private static void EnqueueThree(HedgingTestBed bot) =>
        bot.Queue.Enqueue([
            FillEventData.ForFill(HedgingTestBed.Hash(1), 0, 100, HedgingTestBed.Start, "tAAPL", 1.2m, Direction.Sell, 100m),
            FillEventData.ForFill(HedgingTestBed.Hash(2), 0, 101, HedgingTestBed.Start, "tMSFT", 1.5m, Direction.Sell, 100m),
            FillEventData.ForFill(HedgingTestBed.Hash(3), 0, 102, HedgingTestBed.Start, "tNVDA", 1.5m, Direction.Sell, 100m),
        ]);

    /// <summary>An operator's hand-made event that no code can read: loading the position throws.</summary>
    internal static void CorruptPosition(SqliteDatabase database, string symbol)
    {
        using var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO events (aggregate_type, aggregate_id, sequence, event_type, event_version, payload, metadata)
            VALUES ('Position', $symbol, (SELECT COALESCE(MAX(sequence), 0) + 1 FROM events WHERE aggregate_type = 'Position' AND aggregate_id = $symbol),
                    'PositionEvent::Bogus', '1.0', '{"Bogus":{}}', '{}')
            """;
        command.Parameters.AddWithValue("$symbol", symbol);
        command.ExecuteNonQuery();
    }
}
