using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Support.Fakes;

namespace TradingBot.Acceptance.UnitTests.Execution.Alpaca;

[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
[Parallelizable(ParallelScope.All)]
public sealed class AlpacaAssetTests : IDisposable
{
    private readonly AlpacaTestBed bed = new();

    public void Dispose() => bed.Dispose();

    [Test]
    public async Task Inactive_asset_is_rejected_without_sending_the_order()
    {
        bed.Broker.AcceptOrders(AlpacaTestBed.OrderId);
        bed.Broker.AnswerAsset(AlpacaTestBed.Aapl, "inactive", tradable: true);

        var result = await bed.PlaceAsync();

        result.ShouldBe(new PlacementResult.Rejected(new BrokerFailure(BrokerFailureKind.Rejected,
            "rejected: AAPL is not active at the broker (AssetNotActive)")));
        bed.Broker.OrderRequests().ShouldBe(0, "order requests");
        bed.Broker.AssetRequests(AlpacaTestBed.Aapl).ShouldBe(1, "asset requests");
    }

    [Test]
    public async Task Untradable_asset_is_rejected_without_sending_the_order()
    {
        bed.Broker.AcceptOrders(AlpacaTestBed.OrderId);
        bed.Broker.AnswerAsset(AlpacaTestBed.Aapl, "active", tradable: false);

        var result = await bed.PlaceAsync();

        result.ShouldBe(new PlacementResult.Rejected(new BrokerFailure(BrokerFailureKind.Rejected,
            "rejected: AAPL is not tradable at the broker (AssetNotTradable)")));
        bed.Broker.OrderRequests().ShouldBe(0, "order requests");
    }

    [Test]
    public async Task Asset_is_read_again_only_after_an_hour()
    {
        bed.Broker.AcceptOrders(AlpacaTestBed.OrderId);

        await bed.PlaceAsync();
        bed.Clock.Advance(TimeSpan.FromSeconds(3599));
        await bed.PlaceAsync();
        var readsWithinTheHour = bed.Broker.AssetRequests(AlpacaTestBed.Aapl);
        bed.Clock.Advance(TimeSpan.FromSeconds(1));
        await bed.PlaceAsync();

        readsWithinTheHour.ShouldBe(1, "asset requests within 3600 s");
        bed.Broker.AssetRequests(AlpacaTestBed.Aapl).ShouldBe(2, "asset requests once the cache expired");
        bed.Broker.OrderRequests().ShouldBe(3, "order requests");
    }

    [Test]
    public async Task Unknown_asset_is_rejected_with_the_brokers_answer()
    {
        var msft = new Symbol("MSFT");

        var result = await bed.PlaceAsync(AlpacaTestBed.BuyAapl() with { Symbol = msft });

        result.ShouldBeOfType<PlacementResult.Rejected>().Failure.Kind.ShouldBe(BrokerFailureKind.Rejected);
        result.ShouldBeOfType<PlacementResult.Rejected>().Failure.Reason.ShouldStartWith("rejected (404): ");
        bed.Broker.OrderRequests().ShouldBe(0, "order requests");
    }
}
