using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Support.Fakes;

namespace TradingBot.Acceptance.UnitTests.Execution.Alpaca;

[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
[Parallelizable(ParallelScope.All)]
public sealed class AlpacaCircuitBreakerTests : IDisposable
{
    private readonly AlpacaTestBed bed = new();

    public void Dispose() => bed.Dispose();

    [Test]
    public async Task Repeated_server_errors_open_the_circuit_and_later_orders_are_not_sent()
    {
        bed.Broker.AnswerEveryOrderWith(AlpacaAnswer.ServerError(502));
        // The asset read succeeds once, then 4 orders fail: 4 of 5 calls (80 %) open the circuit.
        for (var order = 0; order < 4; order++)
            await bed.PlaceAsync();

        var whileOpen = await bed.PlaceAsync();

        whileOpen.ShouldBe(new PlacementResult.Rejected(new BrokerFailure(BrokerFailureKind.ConnectionFailed,
            "connection failed: circuit open after repeated broker failures")));
        bed.Broker.OrderRequests().ShouldBe(4, "order requests: none while the circuit is open");
    }

    [Test]
    public async Task Open_circuit_lets_a_trial_order_through_after_30_seconds()
    {
        bed.Broker.AnswerEveryOrderWith(AlpacaAnswer.ServerError(502));
        for (var order = 0; order < 4; order++)
            await bed.PlaceAsync();
        var stillOpen = await bed.PlaceAsync();
        bed.Broker.AcceptOrders(AlpacaTestBed.OrderId);

        bed.Clock.Advance(TimeSpan.FromSeconds(29));
        var beforeBreakEnds = await bed.PlaceAsync();
        bed.Clock.Advance(TimeSpan.FromSeconds(1));
        var trial = await bed.PlaceAsync();

        stillOpen.ShouldBeOfType<PlacementResult.Rejected>().Failure.Kind.ShouldBe(BrokerFailureKind.ConnectionFailed);
        beforeBreakEnds.ShouldBeOfType<PlacementResult.Rejected>().Failure.Kind.ShouldBe(BrokerFailureKind.ConnectionFailed);
        trial.ShouldBe(new PlacementResult.Accepted(new BrokerOrderId(AlpacaTestBed.OrderId)));
        bed.Broker.OrderRequests().ShouldBe(5, "order requests: 4 failed, then the trial");
    }
}
