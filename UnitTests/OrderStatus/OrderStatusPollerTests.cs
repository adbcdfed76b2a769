using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.OffchainOrders;
using TradingBot.Acceptance.UnitTests.Hedging;

namespace TradingBot.Acceptance.UnitTests.OrderStatus;

[TestFixture]
public sealed class OrderStatusPollerTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly ExecutionId First = new(1);

    [Test]
    public async Task A_failure_without_a_reason_gets_the_default_reason()
    {
        using var bot = new HedgingTestBed();
        await bot.TradeAsync("tAAPL", 1.2m, Direction.Sell);
        bot.Executor.WithOrderStatus(_ => new BrokerOrderState.Failed(HedgingTestBed.Start, null));

        (await bot.Poller.PollPendingOrdersAsync(None)).ShouldBe([new ExecutionOutcome.Failed(First, "Order failed with no error reason")]);
    }

    [Test]
    public async Task An_open_order_renews_the_lease_and_stays_submitted()
    {
        using var bot = new HedgingTestBed();
        await bot.TradeAsync("tAAPL", 1.2m, Direction.Sell);
        bot.Executor.WithOrderStatus(id => new BrokerOrderState.Submitted(id, new FractionalShares(0.5m)));
        bot.Clock.Advance(TimeSpan.FromMinutes(9));

        (await bot.Poller.PollPendingOrdersAsync(None)).ShouldBe([new ExecutionOutcome.StillOpen(First)]);
        bot.Clock.Advance(TimeSpan.FromMinutes(9));

        (await bot.Conductor.CleanupStaleExecutionsAsync(None)).ShouldBeEmpty("stale executions 9 minutes after a renewal");
        new OffchainOrderView(bot.Database).Load(First).ShouldBeOfType<OffchainOrder.Submitted>();
        bot.Conductor.LoadPosition(new Symbol("AAPL"))!.Net.Value.ShouldBe(-1.2m, "a partial fill is not credited");
    }

    [Test]
    public async Task An_unreadable_status_leaves_the_order_and_the_lease_alone()
    {
        using var bot = new HedgingTestBed();
        await bot.TradeAsync("tAAPL", 1.2m, Direction.Sell);
        bot.Executor.WithOrderStatus(_ => new BrokerOrderState.Unreadable(new BrokerFailure(BrokerFailureKind.ServerError, "server error (503)")));
        bot.Clock.Advance(TimeSpan.FromMinutes(11));
        var eventsBefore = bot.Database.ReadEventLog().Count;

        (await bot.Poller.PollPendingOrdersAsync(None))
            .ShouldBe([new ExecutionOutcome.Unknown(First, new BrokerFailure(BrokerFailureKind.ServerError, "server error (503)"))]);

        bot.Database.ReadEventLog().Count.ShouldBe(eventsBefore, "events after an unreadable status");
        (await bot.Conductor.CleanupStaleExecutionsAsync(None)).ShouldBeEmpty("acknowledged orders failed as stale");
        new OffchainOrderView(bot.Database).Load(First)!.IsInDoubt.ShouldBeTrue("the lease was not renewed: the acknowledged order is in doubt");
    }

    [Test]
    public async Task A_rate_limited_status_read_ends_the_cycle()
    {
        using var bot = new HedgingTestBed();
        await bot.TradeAsync("tAAPL", 1.2m, Direction.Sell);
        await bot.TradeAsync("tMSFT", 1.2m, Direction.Sell);
        bot.Executor.WithOrderStatus(_ => new BrokerOrderState.Unreadable(new BrokerFailure(BrokerFailureKind.RateLimited, "rate limited")));

        var outcomes = await bot.Poller.PollPendingOrdersAsync(None);

        outcomes.Count.ShouldBe(1, "orders polled in a rate-limited cycle");
        bot.Executor.StatusReads().ShouldBe(1, "status reads");
    }

    [Test]
    public async Task A_pending_order_with_an_unknown_outcome_is_looked_up_again_by_the_poller()
    {
        using var bot = new HedgingTestBed();
        bot.Executor.WithNoAnswer();
        await bot.TradeAsync("tAAPL", 1.2m, Direction.Sell);
        (await bot.Poller.PollPendingOrdersAsync(None)).ShouldBe([new ExecutionOutcome.Unknown(First, new BrokerFailure(BrokerFailureKind.TimedOut, "timed out"))]);

        var order = new OffchainOrderView(bot.Database).Load(First).ShouldBeOfType<OffchainOrder.Pending>();
        bot.Executor.ReceivedOrders().ShouldHaveSingleItem().ClientOrderId.ShouldBe(order.Terms.ClientOrderId, "the client order id sent");
    }

    [Test]
    public async Task A_pending_order_the_broker_never_saw_is_failed_by_the_poller()
    {
        using var bot = new HedgingTestBed();
        (await bot.Conductor.ProcessTradeWithinTransactionAsync(HedgingTestBed.Fill(HedgingTestBed.Hash(1), "tAAPL", 1.2m, Direction.Sell), None)).ShouldNotBeNull();
        using var restarted = new HedgingTestBed(database: bot.Database, clock: bot.Clock); // a crash before placing: a new process
        bot.Clock.Advance(TimeSpan.FromSeconds(15));
        (await restarted.Poller.PollPendingOrdersAsync(None)).ShouldBeEmpty("outcomes before the dead placer's deadline");
        bot.Clock.Advance(HedgingGuards.DefaultPlacementDeadline);

        var outcome = (await restarted.Poller.PollPendingOrdersAsync(None)).ShouldHaveSingleItem().ShouldBeOfType<ExecutionOutcome.Failed>();

        outcome.Reason.ShouldContain("not found");
        restarted.Executor.ReceivedOrders().ShouldBeEmpty("orders placed by the poller");
    }

    [Test]
    public async Task A_pending_order_placed_while_the_poller_looked_it_up_is_not_failed()
    {
        using var bot = new HedgingTestBed();
        (await bot.Conductor.ProcessTradeWithinTransactionAsync(HedgingTestBed.Fill(HedgingTestBed.Hash(1), "tAAPL", 1.2m, Direction.Sell), None)).ShouldNotBeNull();
        using var otherProcess = new HedgingTestBed(database: bot.Database, clock: bot.Clock); // its poller read the order as pending
        bot.Clock.Advance(HedgingGuards.DefaultPlacementDeadline + TimeSpan.FromSeconds(1)); // the placer was slower than its deadline
        otherProcess.Executor.DuringLookup(() => bot.Conductor.ExecutePendingOffchainExecutionAsync(First, None));

        var outcome = (await otherProcess.Poller.PollPendingOrdersAsync(None)).ShouldHaveSingleItem();

        outcome.ShouldBe(new ExecutionOutcome.Superseded(First, "the order is no longer pending"));
        new OffchainOrderView(bot.Database).Load(First).ShouldBeOfType<OffchainOrder.Submitted>("the order the broker accepted meanwhile");
    }

    [Test]
    public async Task The_poller_does_not_reconcile_an_order_whose_placement_is_under_way()
    {
        using var bot = new HedgingTestBed();
        (await bot.Conductor.ProcessTradeWithinTransactionAsync(HedgingTestBed.Fill(HedgingTestBed.Hash(1), "tAAPL", 1.2m, Direction.Sell), None)).ShouldNotBeNull();

        (await bot.Poller.PollPendingOrdersAsync(None)).ShouldBeEmpty("outcomes while the placer has not sent the order yet");
        (await bot.Conductor.ExecutePendingOffchainExecutionAsync(First, None)).ShouldBeOfType<ExecutionOutcome.Submitted>();
    }
}
