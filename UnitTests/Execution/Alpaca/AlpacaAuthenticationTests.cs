using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Support.Fakes;

namespace TradingBot.Acceptance.UnitTests.Execution.Alpaca;

[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
[Parallelizable(ParallelScope.All)]
public sealed class AlpacaAuthenticationTests : IDisposable
{
    private readonly AlpacaTestBed bed = new();

    public void Dispose() => bed.Dispose();

    [Test]
    public async Task Refused_credentials_reject_the_order_and_stop_placing_and_polling()
    {
        bed.Broker.AnswerEveryOrderWith(AlpacaAnswer.Unauthorized());
        bed.Broker.AnswerOrderStatus(AlpacaTestBed.OrderId, "new");

        var first = await bed.PlaceAsync();
        var second = await bed.PlaceAsync();
        var poll = await bed.Executor.GetOrderStatusAsync(new BrokerOrderId(AlpacaTestBed.OrderId), CancellationToken.None);

        var authenticationFailed = new BrokerFailure(BrokerFailureKind.Authentication, "authentication failed");
        first.ShouldBe(new PlacementResult.Rejected(authenticationFailed));
        second.ShouldBe(new PlacementResult.Rejected(authenticationFailed));
        poll.ShouldBe(new BrokerOrderState.Unreadable(authenticationFailed));
        bed.Executor.AuthenticationFailed.ShouldBeTrue();
        bed.Broker.OrderRequests().ShouldBe(1, "order requests: none after the 401");
        bed.Broker.StatusRequests(AlpacaTestBed.OrderId).ShouldBe(0, "status requests while credentials are refused");
    }

    [Test]
    public async Task Successful_account_probe_lets_orders_through_again()
    {
        bed.Broker.AnswerEveryOrderWith(AlpacaAnswer.Unauthorized());
        await bed.PlaceAsync();
        bed.Broker.AcceptOrders(AlpacaTestBed.OrderId);
        bed.Broker.AnswerAccount("ACTIVE");

        var probe = await bed.Executor.ProbeAccountAsync(CancellationToken.None);
        var result = await bed.PlaceAsync();

        probe.ShouldBe(new AccountProbeResult.Active(new Usd(10000.50m)));
        bed.Executor.AuthenticationFailed.ShouldBeFalse();
        result.ShouldBe(new PlacementResult.Accepted(new BrokerOrderId(AlpacaTestBed.OrderId)));
        bed.Broker.OrderRequests().ShouldBe(2, "order requests");
    }

    [Test]
    public async Task Probe_of_an_inactive_account_keeps_orders_stopped()
    {
        bed.Broker.AnswerEveryOrderWith(AlpacaAnswer.Unauthorized());
        await bed.PlaceAsync();
        bed.Broker.AnswerAccount("ACCOUNT_CLOSED");

        var probe = await bed.Executor.ProbeAccountAsync(CancellationToken.None);

        probe.ShouldBe(new AccountProbeResult.NotActive("ACCOUNT_CLOSED"));
        bed.Executor.AuthenticationFailed.ShouldBeTrue();
    }

    [Test]
    public async Task Probe_refused_again_keeps_orders_stopped()
    {
        bed.Broker.AnswerEveryOrderWith(AlpacaAnswer.Unauthorized());
        await bed.PlaceAsync();

        var probe = await bed.Executor.ProbeAccountAsync(CancellationToken.None);

        probe.ShouldBeOfType<AccountProbeResult.Failed>().Failure.Kind.ShouldBe(BrokerFailureKind.Rejected,
            "no account stubbed: WireMock's 404");
        bed.Executor.AuthenticationFailed.ShouldBeTrue();
        bed.Broker.TotalRequests().ShouldBe(3, "asset, order and probe requests");
    }
}
