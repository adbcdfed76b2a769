using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.OffchainOrders;

namespace TradingBot.Acceptance.UnitTests.Hedging;

[TestFixture]
public sealed class ConductorTests
{
    private static readonly Symbol Aapl = new("AAPL");
    private static readonly Symbol Msft = new("MSFT");
    private static readonly CancellationToken None = CancellationToken.None;

    [Test]
    public async Task Full_arbitrage_pipeline_records_the_exact_event_sequence()
    {
        using var bot = new HedgingTestBed();

        (await bot.Conductor.ProcessTradeWithinTransactionAsync(HedgingTestBed.Fill(HedgingTestBed.Hash(1), "tAAPL", 0.5m, Direction.Sell), None)).ShouldBeNull("hedge after 0.5");
        var position = bot.Conductor.LoadPosition(Aapl)!;
        (position.Net.Value, position.AccumulatedShort.Value, position.AccumulatedLong.Value, position.PendingExecutionId)
            .ShouldBe((-0.5m, 0.5m, 0m, (ExecutionId?)null), "AAPL after the first sell");

        var execution = await bot.Conductor.ProcessTradeWithinTransactionAsync(HedgingTestBed.Fill(HedgingTestBed.Hash(2), "tAAPL", 0.7m, Direction.Sell), None);
        execution.ShouldBe(new OffchainExecution(new ExecutionId(1), Aapl, new FractionalShares(1.2m), Direction.Buy, SupportedExecutor.DryRun));
        bot.Conductor.LoadPosition(Aapl)!.PendingExecutionId.ShouldBe(new ExecutionId(1), "pending execution");
        LockedAt(bot, Aapl).ShouldBe(HedgingTestBed.Start, "AAPL lease");

        (await bot.Conductor.ExecutePendingOffchainExecutionAsync(new ExecutionId(1), None))
            .ShouldBe(new ExecutionOutcome.Submitted(new ExecutionId(1), new BrokerOrderId("TEST_1")));
        (await bot.Poller.PollPendingOrdersAsync(None)).ShouldBe([new ExecutionOutcome.Filled(new ExecutionId(1), new Usd(100.00m))]);

        bot.EventTypes().ShouldBe([
            "PositionEvent::Initialized", "PositionEvent::OnChainOrderFilled", "OnChainTradeEvent::Filled",
            "PositionEvent::OnChainOrderFilled", "OnChainTradeEvent::Filled", "PositionEvent::OffChainOrderPlaced",
            "OffchainOrderEvent::Placed", "OffchainOrderEvent::Submitted", "OffchainOrderEvent::Filled", "PositionEvent::OffChainOrderFilled"]);
        var log = bot.Database.ReadEventLog();
        log[0].Payload.ShouldContain("\"threshold\":{\"Shares\":\"1\"}");
        log[1].Payload.ShouldContain("\"amount\":\"0.5\",\"direction\":\"Sell\",\"price_usdc\":\"100\"");
        log[5].Payload.ShouldContain("\"execution_id\":1,\"shares\":\"1.2\",\"direction\":\"Buy\",\"executor\":\"DryRun\",\"trigger_reason\":{\"SharesThreshold\":{\"net_position_shares\":\"-1.2\",\"threshold_shares\":\"1\"}}");
        log[7].Payload.ShouldContain("\"broker_order_id\":\"TEST_1\"");
        log[8].Payload.ShouldContain("\"price\":\"100.00\"");
        log[9].Payload.ShouldContain("\"execution_id\":1,\"shares_filled\":\"1.2\",\"direction\":\"Buy\",\"broker_order_id\":\"TEST_1\"");
        bot.Events("Position", "AAPL").Select(recorded => recorded.Sequence).ShouldBe([1L, 2L, 3L, 4L, 5L], "Position/AAPL sequences");
        bot.Events("OffchainOrder", "1").Select(recorded => recorded.Sequence).ShouldBe([1L, 2L, 3L], "OffchainOrder/1 sequences");
        position = bot.Conductor.LoadPosition(Aapl)!;
        (position.Net.Value, position.AccumulatedShort.Value, position.PendingExecutionId).ShouldBe((0m, 1.2m, (ExecutionId?)null), "AAPL after the hedge");
        LockedAt(bot, Aapl).ShouldBeNull("AAPL lease after the fill");
    }

    [Test]
    public async Task The_checker_hedges_again_after_the_broker_reports_a_failure()
    {
        using var bot = new HedgingTestBed();
        await bot.TradeAsync("tAAPL", 0.5m, Direction.Sell);
        await bot.TradeAsync("tAAPL", 0.7m, Direction.Sell);
        bot.Executor.WithOrderStatus(_ => new BrokerOrderState.Failed(HedgingTestBed.Start, "Broker rejected order"));

        (await bot.Poller.PollPendingOrdersAsync(None)).ShouldBe([new ExecutionOutcome.Failed(new ExecutionId(1), "Broker rejected order")]);
        bot.Conductor.LoadPosition(Aapl)!.ShouldSatisfyAllConditions(
            position => position.Net.Value.ShouldBe(-1.2m, "net after the failure"),
            position => position.PendingExecutionId.ShouldBeNull("pending after the failure"));
        LockedAt(bot, Aapl).ShouldBeNull("lease after the failure");

        bot.Executor.WithOrderStatus(id => new BrokerOrderState.Filled(id, new Usd(100.00m), bot.Clock.GetUtcNow()));
        (await bot.Conductor.CheckAndExecuteAccumulatedPositionsAsync(None))
            .ShouldBe([new ExecutionOutcome.Submitted(new ExecutionId(2), new BrokerOrderId("TEST_2"))]);
        await bot.Poller.PollPendingOrdersAsync(None);

        bot.EventTypes().Skip(8).ShouldBe([
            "OffchainOrderEvent::Failed", "PositionEvent::OffChainOrderFailed", "PositionEvent::OffChainOrderPlaced",
            "OffchainOrderEvent::Placed", "OffchainOrderEvent::Submitted", "OffchainOrderEvent::Filled", "PositionEvent::OffChainOrderFilled"]);
        bot.Events("OffchainOrder", "1")[2].Payload.ShouldContain("\"error\":\"Broker rejected order\"");
        bot.Events("Position", "AAPL")[4].Payload.ShouldContain("\"execution_id\":1,\"error\":\"Broker rejected order\"");
        bot.Events("Position", "AAPL")[5].Payload.ShouldContain("\"execution_id\":2,\"shares\":\"1.2\",\"direction\":\"Buy\"");
        var position = bot.Conductor.LoadPosition(Aapl)!;
        (position.Net.Value, position.AccumulatedShort.Value, position.PendingExecutionId).ShouldBe((0m, 1.2m, (ExecutionId?)null));
    }

    [Test]
    public async Task Symbols_are_hedged_independently()
    {
        using var bot = new HedgingTestBed();

        (await bot.TradeAsync("tAAPL", 0.6m, Direction.Sell)).ShouldBeNull("AAPL 0.6");
        (await bot.TradeAsync("tMSFT", 0.4m, Direction.Sell)).ShouldBeNull("MSFT 0.4");
        (await bot.TradeAsync("tAAPL", 0.6m, Direction.Sell))!.ExecutionId.ShouldBe(new ExecutionId(1), "AAPL's execution");
        await bot.Poller.PollPendingOrdersAsync(None);
        var msft = await bot.TradeAsync("tMSFT", 0.6m, Direction.Sell);
        await bot.Poller.PollPendingOrdersAsync(None);

        msft.ShouldBe(new OffchainExecution(new ExecutionId(2), Msft, new FractionalShares(1.0m), Direction.Buy, SupportedExecutor.DryRun));
        bot.Database.ReadEventLog().Select(recorded => $"{recorded.AggregateType}/{recorded.AggregateId}/{recorded.EventName}").ShouldBe([
            "Position/AAPL/Initialized", "Position/AAPL/OnChainOrderFilled", $"OnChainTrade/{HedgingTestBed.Hash(1)}:0/Filled",
            "Position/MSFT/Initialized", "Position/MSFT/OnChainOrderFilled", $"OnChainTrade/{HedgingTestBed.Hash(2)}:0/Filled",
            "Position/AAPL/OnChainOrderFilled", $"OnChainTrade/{HedgingTestBed.Hash(3)}:0/Filled", "Position/AAPL/OffChainOrderPlaced", "OffchainOrder/1/Placed",
            "OffchainOrder/1/Submitted", "OffchainOrder/1/Filled", "Position/AAPL/OffChainOrderFilled",
            "Position/MSFT/OnChainOrderFilled", $"OnChainTrade/{HedgingTestBed.Hash(4)}:0/Filled", "Position/MSFT/OffChainOrderPlaced", "OffchainOrder/2/Placed",
            "OffchainOrder/2/Submitted", "OffchainOrder/2/Filled", "Position/MSFT/OffChainOrderFilled"]);
        bot.Events("Position", "MSFT")[3].Payload.ShouldContain("\"execution_id\":2,\"shares\":\"1.0\"");
        bot.Events("OffchainOrder", "2")[1].Payload.ShouldContain("\"broker_order_id\":\"TEST_2\"");
        (bot.Conductor.LoadPosition(Aapl)!.Net.Value, bot.Conductor.LoadPosition(Aapl)!.AccumulatedShort.Value).ShouldBe((0m, 1.2m), "AAPL");
        (bot.Conductor.LoadPosition(Msft)!.Net.Value, bot.Conductor.LoadPosition(Msft)!.AccumulatedShort.Value).ShouldBe((0m, 1.0m), "MSFT");
    }

    [Test]
    public async Task A_rejected_placement_fails_at_once_and_the_checker_retries()
    {
        using var bot = new HedgingTestBed();
        bot.Executor.WithPlacementFailures(1, "Broker unavailable");
        await bot.TradeAsync("tAAPL", 0.5m, Direction.Sell);

        (await bot.Conductor.ProcessTradeWithinTransactionAsync(HedgingTestBed.Fill(HedgingTestBed.Hash(9), "tAAPL", 0.7m, Direction.Sell), None)).ShouldNotBeNull();
        (await bot.Conductor.ExecutePendingOffchainExecutionAsync(new ExecutionId(1), None))
            .ShouldBe(new ExecutionOutcome.Failed(new ExecutionId(1), "Broker unavailable"));
        bot.Conductor.LoadPosition(Aapl)!.PendingExecutionId.ShouldBeNull("pending after the rejection");
        LockedAt(bot, Aapl).ShouldBeNull("lease after the rejection");
        await bot.Conductor.CheckAndExecuteAccumulatedPositionsAsync(None);
        await bot.Poller.PollPendingOrdersAsync(None);

        bot.EventTypes().Skip(7).ShouldBe([
            "OffchainOrderEvent::Failed", "PositionEvent::OffChainOrderFailed", "PositionEvent::OffChainOrderPlaced",
            "OffchainOrderEvent::Placed", "OffchainOrderEvent::Submitted", "OffchainOrderEvent::Filled", "PositionEvent::OffChainOrderFilled"]);
        bot.Events("OffchainOrder", "1")[1].Payload.ShouldContain("\"error\":\"Broker unavailable\"");
        bot.Events("OffchainOrder", "2")[1].Payload.ShouldContain("\"broker_order_id\":\"TEST_1\"");
        bot.Conductor.LoadPosition(Aapl)!.Net.Value.ShouldBe(0m, "net at the end");
        bot.Executor.ReceivedOrders().Count.ShouldBe(2, "orders the broker received");
    }

    [Test]
    public async Task Exactly_reaching_the_threshold_hedges_at_once()
    {
        using var bot = new HedgingTestBed();

        var execution = await bot.TradeAsync("tAAPL", 1m, Direction.Sell);

        execution.ShouldBe(new OffchainExecution(new ExecutionId(1), Aapl, new FractionalShares(1m), Direction.Buy, SupportedExecutor.DryRun));
        bot.Events("Position", "AAPL")[2].Payload.ShouldContain("\"shares\":\"1\"");
    }

    [Test]
    public async Task A_second_hedge_takes_the_next_execution_id()
    {
        using var bot = new HedgingTestBed();
        await bot.TradeAsync("tAAPL", 1m, Direction.Sell);
        await bot.Poller.PollPendingOrdersAsync(None);

        var second = await bot.TradeAsync("tAAPL", 1.5m, Direction.Sell);
        await bot.Poller.PollPendingOrdersAsync(None);

        second!.ExecutionId.ShouldBe(new ExecutionId(2), "second execution");
        bot.Database.ReadEventLog().Count.ShouldBe(15, "events of two full cycles");
        bot.Conductor.LoadPosition(Aapl)!.AccumulatedShort.Value.ShouldBe(2.5m, "accumulated short");
        (await bot.Conductor.CheckAndExecuteAccumulatedPositionsAsync(None)).ShouldBeEmpty("checker after full cycles");
        bot.Database.ReadEventLog().Count.ShouldBe(15, "events after the checker");
    }

    [Test]
    public async Task A_tiny_trade_is_only_recorded()
    {
        using var bot = new HedgingTestBed();

        (await bot.TradeAsync("tAAPL", 0.001m, Direction.Sell)).ShouldBeNull("hedge of 0.001");

        bot.Database.ReadEventLog().Count.ShouldBe(3, "events of a tiny trade");
        bot.Conductor.LoadPosition(Aapl)!.Net.Value.ShouldBe(-0.001m, "net");
    }

    [Test]
    public async Task The_same_fill_processed_twice_counts_once()
    {
        using var bot = new HedgingTestBed();
        var fill = HedgingTestBed.Fill(HedgingTestBed.Hash(7), "tAAPL", 0.6m, Direction.Sell, logIndex: 3);

        await bot.Conductor.ProcessTradeWithinTransactionAsync(fill, None);
        (await bot.Conductor.ProcessTradeWithinTransactionAsync(fill, None)).ShouldBeNull("second processing");

        bot.Database.ReadEventLog().Count.ShouldBe(3, "events");
        bot.Conductor.LoadPosition(Aapl)!.Net.Value.ShouldBe(-0.6m, "net");
    }

    [Test]
    public async Task Fills_while_a_hedge_is_pending_wait_for_the_checker()
    {
        using var bot = new HedgingTestBed();
        await bot.TradeAsync("tAAPL", 1.5m, Direction.Sell);

        (await bot.TradeAsync("tAAPL", 0.5m, Direction.Sell)).ShouldBeNull("hedge while one is pending");
        bot.Conductor.LoadPosition(Aapl)!.Net.Value.ShouldBe(-2.0m, "net before the fill");
        await bot.Poller.PollPendingOrdersAsync(None);

        bot.Conductor.LoadPosition(Aapl)!.Net.Value.ShouldBe(-0.5m, "net after the fill of 1.5");
        (await bot.Conductor.CheckAndExecuteAccumulatedPositionsAsync(None)).ShouldBeEmpty("hedges of 0.5");
    }

    [Test]
    public async Task A_closed_market_records_the_fill_and_the_checker_hedges_after_the_open()
    {
        using var bot = new HedgingTestBed();
        bot.Executor.WithMarketOpen(false);

        (await bot.TradeAsync("tAAPL", 1.2m, Direction.Sell)).ShouldBeNull("hedge while closed");
        (await bot.Conductor.CheckAndExecuteAccumulatedPositionsAsync(None)).ShouldBeEmpty("checker while closed");
        bot.Executor.WithMarketOpen(true);

        (await bot.Conductor.CheckAndExecuteAccumulatedPositionsAsync(None))
            .ShouldBe([new ExecutionOutcome.Submitted(new ExecutionId(1), new BrokerOrderId("TEST_1"))]);
    }

    [Test]
    public async Task An_unanswered_order_is_failed_as_stale_after_10_minutes()
    {
        using var bot = new HedgingTestBed();
        bot.Executor.WithNoAnswer();
        (await bot.TradeAsync("tAAPL", 1.2m, Direction.Sell)).ShouldNotBeNull();
        bot.Clock.Advance(TimeSpan.FromMinutes(10));
        (await bot.Conductor.CleanupStaleExecutionsAsync(None)).ShouldBeEmpty("stale after exactly 10 minutes");

        bot.Clock.Advance(TimeSpan.FromMinutes(1));
        (await bot.Conductor.CleanupStaleExecutionsAsync(None)).ShouldBe([new ExecutionId(1)], "stale after 11 minutes");

        new OffchainOrderView(bot.Database).Load(new ExecutionId(1)).ShouldBeOfType<OffchainOrder.Failed>()
            .Error.ShouldBe("stale execution: timed out after 10 minutes without status update");
        bot.Conductor.LoadPosition(Aapl)!.PendingExecutionId.ShouldBeNull("pending after the cleanup");
        bot.EventTypes().TakeLast(2).ShouldBe(["OffchainOrderEvent::Failed", "PositionEvent::OffChainOrderFailed"]);
        bot.Executor.ReceivedOrders().Count.ShouldBe(1, "the cleanup itself places nothing");
    }

    [Test]
    public async Task A_lease_left_by_a_crashed_worker_blocks_the_symbol_for_15_minutes()
    {
        using var bot = new HedgingTestBed();
        using (var unit = bot.Database.BeginWrite())
        {
            unit.SymbolLocks.TryAcquire(Aapl, bot.Clock.GetUtcNow()).ShouldBeTrue();
            unit.Commit();
        }

        (await bot.TradeAsync("tAAPL", 1.2m, Direction.Sell)).ShouldBeNull("hedge while another worker holds the lease");
        bot.Clock.Advance(TimeSpan.FromMinutes(16));

        (await bot.Conductor.CheckAndExecuteAccumulatedPositionsAsync(None))
            .ShouldBe([new ExecutionOutcome.Submitted(new ExecutionId(1), new BrokerOrderId("TEST_1"))]);
    }

    private static DateTimeOffset? LockedAt(HedgingTestBed bot, Symbol symbol)
    {
        using var unit = bot.Database.BeginRead();
        return unit.SymbolLocks.LockedAt(symbol);
    }
}
