using System.Text.Json;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.OffchainOrders;
using TradingBot.Acceptance.Domain.OrderStatus;
using TradingBot.Acceptance.UnitTests.EventSourcing;
using TradingBot.Acceptance.UnitTests.Hedging;

namespace TradingBot.Acceptance.UnitTests.OrderStatus;

/// <summary>The answers of one poll cycle are recorded in one transaction, a savepoint each.</summary>
[TestFixture]
public sealed class PollBatchTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Test]
    public async Task One_cycle_records_every_fill()
    {
        using var bot = new HedgingTestBed();
        await bot.TradeAsync("tAAPL", 1.2m, Direction.Sell);
        await bot.TradeAsync("tMSFT", 1.5m, Direction.Sell);

        (await bot.Poller.PollPendingOrdersAsync(None)).Select(outcome => outcome.ShouldBeOfType<ExecutionOutcome.Filled>().ExecutionId.Value)
            .ShouldBe([1L, 2L], "filled executions");
        new OffchainOrderView(bot.Database).All("Filled").Count.ShouldBe(2, "filled orders");
        MigrationTests.Query(bot.Database.ConnectionString, "SELECT COUNT(*) FROM symbol_locks").ShouldBe(["0"], "leases left");
    }

    [Test]
    public async Task A_cycle_of_several_units_awaits_its_turn_before_each_full_unit_with_the_units_before_committed()
    {
        using var bot = new HedgingTestBed();
        const int Orders = (2 * OrderStatusPoller.AnswersPerUnit) + 5;
        for (var order = 0; order < Orders; order++)
            await bot.TradeAsync($"tP{order}", 1.5m, Direction.Sell);
        var filledAtEachTurn = new List<int>();

        var outcomes = await bot.Poller.PollPendingOrdersAsync(None, _ =>
        {
            filledAtEachTurn.Add(new OffchainOrderView(bot.Database).All("Filled").Count);
            return ValueTask.CompletedTask;
        });

        filledAtEachTurn.ShouldBe([0, OrderStatusPoller.AnswersPerUnit], "orders filled when the poller asked for its turn");
        outcomes.Count(outcome => outcome is ExecutionOutcome.Filled).ShouldBe(Orders, "filled executions");
        new OffchainOrderView(bot.Database).All("Filled").Count.ShouldBe(Orders, "filled orders");
    }

    [Test]
    public async Task An_answer_that_fails_to_record_leaves_nothing_of_itself_the_ones_before_commit_and_the_rest_wait()
    {
        using var bot = new HedgingTestBed();
        await bot.TradeAsync("tAAPL", 1.2m, Direction.Sell);
        await bot.TradeAsync("tMSFT", 1.5m, Direction.Sell);
        await bot.TradeAsync("tNVDA", 1.5m, Direction.Sell);
        QueueBatchTests.CorruptPosition(bot.Database, "MSFT");

        var failure = await Should.ThrowAsync<JsonException>(() => bot.Poller.PollPendingOrdersAsync(None));

        failure.Message.ShouldBe("Unknown Position event 'Bogus'.", "the recording's own exception");
        new OffchainOrderView(bot.Database).All().Select(tracked => $"{tracked.Order.Terms.Symbol} {tracked.Order.Status}")
            .ShouldBe(["AAPL Filled", "MSFT Submitted", "NVDA Submitted"], "orders after the cycle");
        MigrationTests.Query(bot.Database.ConnectionString, "SELECT symbol FROM symbol_locks ORDER BY symbol").ShouldBe(["MSFT", "NVDA"], "leases still held");
        bot.Conductor.LoadPosition(new Symbol("AAPL"))!.PendingExecutionId.ShouldBeNull("AAPL's position completed");
    }

    [Test]
    public async Task An_order_whose_answer_another_transaction_records_during_the_cycle_is_followed_in_the_same_poll()
    {
        using var bot = new HedgingTestBed();
        await bot.TradeAsync("tMSFT", 1.5m, Direction.Sell); // execution 1, submitted
        bot.Queue.Enqueue(FillEventData.ForFill(HedgingTestBed.Hash(9), 0, 200, HedgingTestBed.Start, "tAAPL", 1.2m, Direction.Sell, 100m));
        await bot.Queue.ProcessBatchAsync(10, None); // execution 2: placed, its answer waiting
        var takenByAnotherTransaction = bot.Conductor.Recorder.TakeWaiting();
        var recordedDuringTheCycle = false;
        bot.Executor.WithOrderStatus(orderId =>
        {
            if (!recordedDuringTheCycle)
            {
                recordedDuringTheCycle = true; // while the poll asks about execution 1, the other transaction commits
                bot.Conductor.Recorder.RecordAllAsync([], continueAfterFailure: true, None, takenByAnotherTransaction).GetAwaiter().GetResult();
            }

            return new Domain.Execution.BrokerOrderState.Filled(orderId, new Usd(100m), bot.Clock.GetUtcNow());
        });

        var outcomes = await bot.Poller.PollPendingOrdersAsync(None);

        outcomes.Select(outcome => outcome.ShouldBeOfType<ExecutionOutcome.Filled>().ExecutionId.Value).ShouldBe([1L, 2L], "both orders, the second once its answer was recorded");
        new OffchainOrderView(bot.Database).All("Filled").Count.ShouldBe(2, "filled orders");
    }
}
