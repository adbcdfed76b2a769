using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Support.Fakes;

namespace TradingBot.Acceptance.UnitTests.Execution.Alpaca;

[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
[Parallelizable(ParallelScope.All)]
public sealed class AlpacaOrderStatusTests : IDisposable
{
    private static readonly BrokerOrderId OrderId = new(AlpacaTestBed.OrderId);

    private readonly AlpacaTestBed bed = new();

    public void Dispose() => bed.Dispose();

    private Task<BrokerOrderState> StatusAsync() => bed.Executor.GetOrderStatusAsync(OrderId, CancellationToken.None);

    [Test]
    public async Task Filled_order_is_filled_at_the_average_price_at_the_clocks_now()
    {
        bed.Clock.Advance(TimeSpan.FromMinutes(3));
        bed.Broker.AnswerOrderStatus(AlpacaTestBed.OrderId, AlpacaAnswer.Filled(AlpacaTestBed.OrderId, new FractionalShares(1.2m), new Usd(100.25m)));

        var state = await StatusAsync();

        state.ShouldBe(new BrokerOrderState.Filled(OrderId, new Usd(100.25m), AlpacaTestBed.MarketMorning.AddMinutes(3)));
        bed.Broker.StatusRequests(AlpacaTestBed.OrderId).ShouldBe(1);
    }

    [Test]
    public async Task Partially_filled_order_is_still_submitted_with_the_shares_filled_so_far()
    {
        bed.Broker.AnswerOrderStatus(AlpacaTestBed.OrderId, AlpacaAnswer.PartiallyFilled(AlpacaTestBed.OrderId, new FractionalShares(0.5m)));

        var state = await StatusAsync();

        state.ShouldBe(new BrokerOrderState.Submitted(OrderId, new FractionalShares(0.5m)));
    }

    [TestCase("new")]
    [TestCase("accepted")]
    [TestCase("pending_new")]
    [TestCase("accepted_for_bidding")]
    [TestCase("pending_cancel")]
    [TestCase("pending_replace")]
    [TestCase("stopped")]
    public async Task Working_order_is_submitted(string status)
    {
        bed.Broker.AnswerOrderStatus(AlpacaTestBed.OrderId, status);

        var state = await StatusAsync();

        state.ShouldBe(new BrokerOrderState.Submitted(OrderId, FractionalShares.Zero));
    }

    [TestCase("canceled")]
    [TestCase("expired")]
    [TestCase("done_for_day")]
    [TestCase("rejected")]
    [TestCase("replaced")]
    [TestCase("suspended")]
    [TestCase("calculated")]
    public async Task Ended_order_is_failed_with_the_brokers_status(string status)
    {
        bed.Broker.AnswerOrderStatus(AlpacaTestBed.OrderId, status);

        var state = await StatusAsync();

        state.ShouldBe(new BrokerOrderState.Failed(AlpacaTestBed.MarketMorning, $"broker reported the order {status}"));
    }

    [Test]
    public async Task Unknown_status_is_an_invalid_response()
    {
        bed.Broker.AnswerOrderStatus(AlpacaTestBed.OrderId, "teleported");

        var state = await StatusAsync();

        state.ShouldBe(new BrokerOrderState.Unreadable(new BrokerFailure(BrokerFailureKind.InvalidResponse,
            """invalid response (200): unknown order status 'teleported'; body: {"id":"61e69015-8549-4bfd-b9c3-01e75843f47d","status":"teleported","filled_qty":…""")));
        bed.Broker.StatusRequests(AlpacaTestBed.OrderId).ShouldBe(1, "an unreadable answer is not retried");
    }

    [Test]
    public async Task Negative_filled_quantity_is_an_invalid_response()
    {
        bed.Broker.AnswerOrderStatus(AlpacaTestBed.OrderId, AlpacaAnswer.Order(AlpacaTestBed.OrderId, "partially_filled", "-0.5"));

        var state = await StatusAsync();

        state.ShouldBe(new BrokerOrderState.Unreadable(new BrokerFailure(BrokerFailureKind.InvalidResponse,
            """invalid response (200): negative 'filled_qty'; body: {"id":"61e69015-8549-4bfd-b9c3-01e75843f47d","status":"partially_filled","filled…""")));
    }

    [Test]
    public async Task Filled_order_without_a_price_is_an_invalid_response()
    {
        bed.Broker.AnswerOrderStatus(AlpacaTestBed.OrderId, AlpacaAnswer.Order(AlpacaTestBed.OrderId, "filled", "1.2"));

        var state = await StatusAsync();

        state.ShouldBeOfType<BrokerOrderState.Unreadable>().Failure.Reason
            .ShouldStartWith("invalid response (200): missing or unreadable 'filled_avg_price'; body: ");
    }

    [Test]
    public async Task Server_error_on_a_read_is_retried_with_growing_jittered_backoff()
    {
        bed.Broker.AnswerOrderStatus(AlpacaTestBed.OrderId, AlpacaAnswer.ServerError(503));

        var reading = StatusAsync();
        var waits = new List<TimeSpan>();
        for (var retry = 0; retry < 3; retry++)
            waits.Add(await bed.Clock.AdvancePastNextTimerAsync(wait => wait != AlpacaTestBed.RequestTimeout));
        var state = await reading;

        state.ShouldBe(new BrokerOrderState.Unreadable(new BrokerFailure(BrokerFailureKind.ServerError, "server error (503)")));
        // 1 s, 2 s, 4 s, each scaled by the jitter factor 0.5 + 0.5 × 0.5.
        waits.ShouldBe([TimeSpan.FromSeconds(0.75), TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(3)]);
        bed.Broker.StatusRequests(AlpacaTestBed.OrderId).ShouldBe(4, "the first read and 3 retries");
    }

    [Test]
    public async Task Unknown_order_is_unreadable_as_rejected()
    {
        bed.Broker.AnswerOrderStatus(AlpacaTestBed.OrderId, AlpacaAnswer.Error(404, "order not found"));

        var state = await StatusAsync();

        state.ShouldBe(new BrokerOrderState.Unreadable(new BrokerFailure(BrokerFailureKind.Rejected, "rejected (404): order not found")));
        bed.Broker.StatusRequests(AlpacaTestBed.OrderId).ShouldBe(1);
    }
}
