using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Support.Fakes;

namespace TradingBot.Acceptance.UnitTests.Execution.Alpaca;

[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
[Parallelizable(ParallelScope.All)]
public sealed class AlpacaClientOrderLookupTests : IDisposable
{
    private readonly AlpacaTestBed bed = new();

    public void Dispose() => bed.Dispose();

    private Task<ClientOrderLookup> LookUpAsync() =>
        bed.Executor.FindByClientOrderIdAsync(AlpacaTestBed.ClientOrderId, CancellationToken.None);

    [Test]
    public async Task Known_client_order_id_finds_the_broker_order()
    {
        bed.Broker.KnowClientOrder(AlpacaTestBed.ClientOrderId, AlpacaTestBed.OrderId);

        var lookup = await LookUpAsync();

        lookup.ShouldBe(new ClientOrderLookup.Found(new BrokerOrderId(AlpacaTestBed.OrderId)));
        bed.Broker.LookupRequests().ShouldBe(1);
    }

    [Test]
    public async Task Unknown_client_order_id_is_not_found()
    {
        bed.Broker.AnswerLookup(AlpacaTestBed.ClientOrderId, AlpacaAnswer.Error(404, "order not found"));

        var lookup = await LookUpAsync();

        lookup.ShouldBe(new ClientOrderLookup.NotFound());
        bed.Broker.LookupRequests().ShouldBe(1);
    }

    [Test]
    public async Task Lookup_that_keeps_failing_is_failed_after_its_retries()
    {
        bed.Broker.AnswerLookup(AlpacaTestBed.ClientOrderId, AlpacaAnswer.ServerError(500));

        var looking = LookUpAsync();
        for (var retry = 0; retry < 3; retry++)
            await bed.Clock.AdvancePastNextTimerAsync(wait => wait != AlpacaTestBed.RequestTimeout);
        var lookup = await looking;

        lookup.ShouldBe(new ClientOrderLookup.Failed(new BrokerFailure(BrokerFailureKind.ServerError, "server error (500)")));
        bed.Broker.LookupRequests().ShouldBe(4, "the first lookup and 3 retries");
    }

    [Test]
    public async Task Lookup_answer_without_an_id_is_failed_as_invalid()
    {
        bed.Broker.AnswerLookup(AlpacaTestBed.ClientOrderId, AlpacaAnswer.WithoutId());

        var lookup = await LookUpAsync();

        lookup.ShouldBe(new ClientOrderLookup.Failed(new BrokerFailure(BrokerFailureKind.InvalidResponse,
            """invalid response (200): missing field 'id'; body: {"client_order_id":"unknown","status":"accepted"}""")));
    }
}
