using Microsoft.Extensions.Logging;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.OffchainOrders;
using TradingBot.Acceptance.UnitTests.Hedging;

namespace TradingBot.Acceptance.UnitTests.OrderStatus;

/// <summary>The stale cleanup, the poller and the broker around an order in doubt (docs/domain.md §13).</summary>
[TestFixture]
public sealed class OrdersInDoubtTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly ExecutionId First = new(1);
    private static readonly Symbol Aapl = new("AAPL");

    [Test]
    public async Task A_silent_acknowledged_order_is_canceled_not_failed_and_its_lease_renewed()
    {
        using var bot = await SilentOrderAsync();
        bot.Clock.Advance(TimeSpan.FromMinutes(11));

        (await bot.Conductor.CheckAndExecuteAccumulatedPositionsAsync(None)).ShouldBeEmpty("hedges placed while the order is in doubt");

        var order = Order(bot);
        order.CancelRequested.ShouldBe(new CancelRequest(OrderDoubt.CancelReason, bot.Clock.GetUtcNow()));
        bot.Executor.CancelRequests().ShouldBe([new BrokerOrderId("TEST_1")]);
        using var read = bot.Database.BeginRead();
        read.SymbolLocks.LockedAt(Aapl).ShouldBe(bot.Clock.GetUtcNow(), "the lease, renewed by the cleanup");
    }

    [Test]
    public async Task An_unanswered_cancel_is_sent_again_on_each_check_and_an_answered_one_is_not()
    {
        using var bot = await SilentOrderAsync();
        bot.Executor.WithCancelsUnanswered();
        bot.Clock.Advance(TimeSpan.FromMinutes(11));
        await bot.Conductor.CheckAndExecuteAccumulatedPositionsAsync(None);
        bot.Clock.Advance(TimeSpan.FromMinutes(1));
        await bot.Conductor.CheckAndExecuteAccumulatedPositionsAsync(None);
        bot.Executor.CancelRequests().Count.ShouldBe(2, "cancels sent while unanswered");

        var answering = await SilentOrderAsync();
        answering.Clock.Advance(TimeSpan.FromMinutes(11));
        await answering.Conductor.CheckAndExecuteAccumulatedPositionsAsync(None);
        answering.Clock.Advance(TimeSpan.FromMinutes(1));
        await answering.Conductor.CheckAndExecuteAccumulatedPositionsAsync(None);
        answering.Executor.CancelRequests().Count.ShouldBe(1, "cancels sent once the broker took one");
        answering.Events("OffchainOrder", "1").Count(recorded => recorded.EventName == "CancelRequested").ShouldBe(1, "CancelRequested events");
        answering.Dispose();
    }

    [Test]
    public async Task An_order_that_had_ended_when_the_cancel_came_is_read_and_recorded_at_once()
    {
        using var bot = await SilentOrderAsync();
        bot.Clock.Advance(TimeSpan.FromMinutes(11));
        bot.Executor.WithOrderStatus(new BrokerOrderId("TEST_1"), new BrokerOrderState.Filled(new BrokerOrderId("TEST_1"), new Usd(101m), bot.Clock.GetUtcNow()));

        await bot.Conductor.CleanupStaleExecutionsAsync(None);

        Order(bot).ShouldBeOfType<OffchainOrder.Filled>().Price.ShouldBe(new Usd(101m));
        bot.Conductor.LoadPosition(Aapl)!.Net.Value.ShouldBe(0m, "net after the fill read at cancel time");
    }

    [Test]
    public async Task Canceled_after_a_partial_fill_credits_that_part_and_frees_the_symbol()
    {
        using var bot = await SilentOrderAsync();
        bot.Clock.Advance(TimeSpan.FromMinutes(11));
        await bot.Conductor.CleanupStaleExecutionsAsync(None);
        bot.Executor.WithOrderStatus(new BrokerOrderId("TEST_1"), new BrokerOrderState.CanceledAfterPartialFill(
            new BrokerOrderId("TEST_1"), new FractionalShares(0.2m), new Usd(100m), bot.Clock.GetUtcNow(), "broker reported the order canceled"));

        (await bot.Poller.PollPendingOrdersAsync(None)).ShouldBe([new ExecutionOutcome.CanceledAfterPartialFill(First, new FractionalShares(0.2m), new Usd(100m))]);

        var position = bot.Conductor.LoadPosition(Aapl)!;
        position.Net.Value.ShouldBe(-1m, "net after crediting 0.2 of 1.2");
        position.PendingExecutionId.ShouldBeNull("the symbol's pending execution after the cancel");
    }

    [Test]
    public async Task An_order_canceled_at_the_broker_without_a_cancel_request_fails_as_before()
    {
        using var bot = new HedgingTestBed();
        await bot.TradeAsync("tAAPL", 1.2m, Direction.Sell);
        bot.Executor.WithOrderStatus(new BrokerOrderId("TEST_1"), new BrokerOrderState.CanceledAfterPartialFill(
            new BrokerOrderId("TEST_1"), new FractionalShares(0.2m), new Usd(100m), bot.Clock.GetUtcNow(), "broker reported the order expired"));

        (await bot.Poller.PollPendingOrdersAsync(None)).ShouldBe([new ExecutionOutcome.Failed(First, "broker reported the order expired")]);
    }

    [Test]
    public async Task The_alert_is_recorded_once_an_hour_after_the_cancel_request()
    {
        using var bot = await SilentOrderAsync();
        var log = new WarningLog();
        bot.Conductor.Doubts.Logger = log;
        bot.Clock.Advance(TimeSpan.FromMinutes(11));
        await bot.Conductor.CheckAndExecuteAccumulatedPositionsAsync(None);
        await bot.TradeAsync("tAAPL", 0.5m, Direction.Sell); // a fill's cleanup never raises the alert: only the checker, which logs it
        var requestedAt = bot.Clock.GetUtcNow();
        for (var tick = 0; tick < 70; tick++)
        {
            bot.Clock.Advance(TimeSpan.FromMinutes(1));
            await bot.Conductor.CheckAndExecuteAccumulatedPositionsAsync(None);
        }

        var alerts = bot.Events("OffchainOrder", "1").Where(recorded => recorded.EventName == "OrderInDoubt").ToList();
        alerts.Count.ShouldBe(1, "OrderInDoubt events after 70 minutes of checks");
        Order(bot).IsInDoubt.ShouldBeTrue("still in doubt after the alert");
        Order(bot).CancelRequested!.RequestedAt.ShouldBe(requestedAt);
        bot.Executor.ReceivedOrders().Count.ShouldBe(1, "orders placed while in doubt");
        log.Warnings.ShouldHaveSingleItem().ShouldStartWith("OrderInDoubt: order 1 (AAPL) is still in doubt");
    }

    [Test]
    public async Task A_pending_order_failed_as_stale_that_filled_at_the_broker_is_credited()
    {
        using var bot = new HedgingTestBed();
        bot.Executor.WithNoAnswer();
        await bot.TradeAsync("tAAPL", 1.2m, Direction.Sell);
        bot.Clock.Advance(TimeSpan.FromMinutes(11));
        (await bot.Conductor.CleanupStaleExecutionsAsync(None)).ShouldBe([First]);
        bot.Executor.WithLostOrderFound(Order(bot).Terms.ClientOrderId, new BrokerOrderId("LOST_1"));

        (await bot.Poller.PollPendingOrdersAsync(None)).ShouldBe([new ExecutionOutcome.LateFill(First, new FractionalShares(1.2m), new Usd(MockExecutorPrice))]);
        (await bot.Poller.PollPendingOrdersAsync(None)).ShouldBeEmpty("outcomes once the late fill is credited");

        Order(bot).ShouldBeOfType<OffchainOrder.Failed>().LateFill!.SharesFilled.ShouldBe(new FractionalShares(1.2m));
        bot.Conductor.LoadPosition(Aapl)!.Net.Value.ShouldBe(0m, "net after the late fill");
    }

    [Test]
    public async Task A_stale_order_is_looked_up_for_24_hours_only()
    {
        using var bot = new HedgingTestBed();
        bot.Executor.WithNoAnswer();
        await bot.TradeAsync("tAAPL", 1.2m, Direction.Sell);
        bot.Clock.Advance(TimeSpan.FromMinutes(11));
        await bot.Conductor.CleanupStaleExecutionsAsync(None);
        bot.Clock.Advance(OrderDoubt.LateFillWindow + TimeSpan.FromSeconds(1));
        bot.Executor.WithLostOrderFound(Order(bot).Terms.ClientOrderId, new BrokerOrderId("LOST_1"));

        (await bot.Poller.PollPendingOrdersAsync(None)).ShouldBeEmpty("late fills looked for after 24 hours");
        bot.Conductor.LoadPosition(Aapl)!.Net.Value.ShouldBe(-1.2m);
    }

    [Test]
    public async Task A_late_fill_leaves_the_symbols_pending_execution_in_place()
    {
        using var bot = new HedgingTestBed();
        bot.Executor.WithNoAnswer();
        await bot.TradeAsync("tAAPL", 1.2m, Direction.Sell);
        bot.Clock.Advance(TimeSpan.FromMinutes(11));
        await bot.Conductor.CleanupStaleExecutionsAsync(None);
        bot.Executor.WithLostOrderFound(Order(bot).Terms.ClientOrderId, new BrokerOrderId("LOST_1"));
        bot.Executor.WithStatusUnanswered();
        bot.Executor.WithOrderStatus(new BrokerOrderId("LOST_1"), new BrokerOrderState.Filled(new BrokerOrderId("LOST_1"), new Usd(100m), bot.Clock.GetUtcNow()));
        await bot.Conductor.CheckAndExecuteAccumulatedPositionsAsync(None); // hedges the exposure again: a second order
        bot.Conductor.LoadPosition(Aapl)!.PendingExecutionId.ShouldBe(new ExecutionId(2));

        await bot.Poller.PollPendingOrdersAsync(None);

        var position = bot.Conductor.LoadPosition(Aapl)!;
        position.Net.Value.ShouldBe(0m, "net once the first order's late fill is credited");
        position.PendingExecutionId.ShouldBe(new ExecutionId(2), "the second order still pending");
    }

    private const decimal MockExecutorPrice = TradingBot.Acceptance.Support.Fakes.MockExecutor.FillPrice;

    // An AAPL hedge the broker accepted (TEST_1), whose status the broker no longer gives.
    private static async Task<HedgingTestBed> SilentOrderAsync()
    {
        var bot = new HedgingTestBed();
        await bot.TradeAsync("tAAPL", 1.2m, Direction.Sell);
        bot.Executor.WithStatusUnanswered();
        return bot;
    }

    /// <summary>The warnings written, as text.</summary>
    private sealed class WarningLog : ILogger
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
                Warnings.Add(formatter(state, exception));
        }
    }

    private static OffchainOrder Order(HedgingTestBed bot) => new OffchainOrderView(bot.Database).Load(First)!;
}
