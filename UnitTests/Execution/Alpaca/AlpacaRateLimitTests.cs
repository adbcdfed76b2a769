using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Support.Fakes;

namespace TradingBot.Acceptance.UnitTests.Execution.Alpaca;

[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
[Parallelizable(ParallelScope.All)]
public sealed class AlpacaRateLimitTests : IDisposable
{
    private readonly AlpacaTestBed bed = new();

    public void Dispose() => bed.Dispose();

    [Test]
    public async Task Order_answered_with_429_is_resent_after_Retry_After_seconds()
    {
        bed.Broker.AcceptOrders(AlpacaTestBed.OrderId);
        bed.Broker.AnswerNextOrderWith429(retryAfterSeconds: 2);

        var placing = bed.PlaceAsync();
        await bed.Clock.NextTimerAsync(wait => wait == TimeSpan.FromSeconds(2));
        bed.Broker.OrderRequests().ShouldBe(1, "nothing is resent before Retry-After has passed");
        bed.Clock.Advance(TimeSpan.FromSeconds(2));
        var result = await placing;

        result.ShouldBe(new PlacementResult.Accepted(new BrokerOrderId(AlpacaTestBed.OrderId)));
        var bodies = bed.Broker.OrderRequestBodies();
        bodies.Count.ShouldBe(2, "order requests");
        bodies[1].ShouldBe(bodies[0], "the same request is resent, with the same client_order_id");
    }

    [Test]
    public async Task Order_answered_with_429_and_an_HTTP_date_is_resent_at_that_time()
    {
        bed.Broker.AcceptOrders(AlpacaTestBed.OrderId);
        bed.Broker.AnswerNextOrderWith(AlpacaAnswer.TooManyRequests("Wed, 12 Mar 2025 14:00:03 GMT"));

        var placing = bed.PlaceAsync();
        await bed.Clock.AdvancePastTimerAsync(TimeSpan.FromSeconds(3));
        var result = await placing;

        result.ShouldBe(new PlacementResult.Accepted(new BrokerOrderId(AlpacaTestBed.OrderId)));
        bed.Broker.OrderRequests().ShouldBe(2, "order requests");
    }

    [Test]
    public async Task Order_still_rate_limited_after_three_retries_is_rejected()
    {
        bed.Broker.AnswerEveryOrderWith(AlpacaAnswer.TooManyRequests(retryAfter: null));

        var placing = bed.PlaceAsync();
        // Without Retry-After the waits double: 1 s, 2 s, 4 s.
        await bed.Clock.AdvancePastTimerAsync(TimeSpan.FromSeconds(1));
        await bed.Clock.AdvancePastTimerAsync(TimeSpan.FromSeconds(2));
        await bed.Clock.AdvancePastTimerAsync(TimeSpan.FromSeconds(4));
        var result = await placing;

        result.ShouldBe(new PlacementResult.Rejected(new BrokerFailure(BrokerFailureKind.RateLimited, "rate limited")));
        bed.Broker.OrderRequests().ShouldBe(4, "the first request and 3 retries");
        bed.Clock.GetUtcNow().ShouldBe(AlpacaTestBed.MarketMorning.AddSeconds(7), "time spent waiting");
    }

    [Test]
    public async Task Retry_After_beyond_a_minute_is_not_waited_for()
    {
        bed.Broker.AnswerEveryOrderWith(AlpacaAnswer.TooManyRequests("120"));

        var result = await bed.PlaceAsync();

        result.ShouldBe(new PlacementResult.Rejected(new BrokerFailure(BrokerFailureKind.RateLimited, "rate limited")));
        bed.Broker.OrderRequests().ShouldBe(1, "order requests");
    }

    [Test]
    public async Task Status_read_answered_with_429_pauses_reads_until_Retry_After()
    {
        bed.Broker.AnswerOrderStatus(AlpacaTestBed.OrderId, AlpacaAnswer.TooManyRequests("5"));
        var orderId = new BrokerOrderId(AlpacaTestBed.OrderId);

        var first = await bed.Executor.GetOrderStatusAsync(orderId, CancellationToken.None);
        bed.Clock.Advance(TimeSpan.FromSeconds(4));
        var tooEarly = await bed.Executor.GetOrderStatusAsync(orderId, CancellationToken.None);
        bed.Broker.AnswerOrderStatus(AlpacaTestBed.OrderId, "new");
        bed.Clock.Advance(TimeSpan.FromSeconds(1));
        var afterPause = await bed.Executor.GetOrderStatusAsync(orderId, CancellationToken.None);

        var rateLimited = new BrokerOrderState.Unreadable(new BrokerFailure(BrokerFailureKind.RateLimited, "rate limited"));
        first.ShouldBe(rateLimited, "a poll ends its cycle on 429");
        tooEarly.ShouldBe(rateLimited, "no read before Retry-After");
        afterPause.ShouldBe(new BrokerOrderState.Submitted(orderId, new(0m)));
        bed.Broker.StatusRequests(AlpacaTestBed.OrderId).ShouldBe(2, "status requests: the paused read was not sent");
    }
}
