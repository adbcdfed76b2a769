using NUnit.Framework;
using System.Text;
using System.Text.Json;
using Shouldly;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Support.Fakes;

namespace TradingBot.Acceptance.UnitTests.Execution.Alpaca;

[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
[Parallelizable(ParallelScope.All)]
public sealed class AlpacaPlacementTests : IDisposable
{
    private readonly AlpacaTestBed bed = new();

    public void Dispose() => bed.Dispose();

    [Test]
    public async Task Accepted_order_returns_the_broker_order_id()
    {
        bed.Broker.AcceptOrders(AlpacaTestBed.OrderId);

        var result = await bed.PlaceAsync();

        result.ShouldBe(new PlacementResult.Accepted(new BrokerOrderId(AlpacaTestBed.OrderId)));
        bed.Broker.OrderRequests().ShouldBe(1, "order requests");
    }

    [Test]
    public async Task Market_order_is_sent_with_quantity_as_string_side_and_client_order_id()
    {
        bed.Broker.AcceptOrders(AlpacaTestBed.OrderId);

        await bed.PlaceAsync();

        using var body = JsonDocument.Parse(bed.Broker.OrderRequestBodies().ShouldHaveSingleItem());
        var fields = body.RootElement;
        fields.GetProperty("symbol").GetString().ShouldBe("AAPL");
        fields.GetProperty("qty").ValueKind.ShouldBe(JsonValueKind.String, "qty is sent as a string");
        fields.GetProperty("qty").GetString().ShouldBe("1.2");
        fields.GetProperty("side").GetString().ShouldBe("buy");
        fields.GetProperty("type").GetString().ShouldBe("market");
        fields.GetProperty("time_in_force").GetString().ShouldBe("day");
        fields.GetProperty("extended_hours").GetBoolean().ShouldBeFalse("regular hours only");
        fields.GetProperty("client_order_id").GetString().ShouldBe("0f8fad5b-d9cb-469f-a165-70867728950e");
    }

    [Test]
    public async Task Sell_order_is_sent_as_side_sell_with_basic_credentials()
    {
        bed.Broker.AcceptOrders(AlpacaTestBed.OrderId);

        await bed.PlaceAsync(AlpacaTestBed.BuyAapl(3m) with { Direction = Direction.Sell });

        using var body = JsonDocument.Parse(bed.Broker.OrderRequestBodies().ShouldHaveSingleItem());
        body.RootElement.GetProperty("side").GetString().ShouldBe("sell");
        body.RootElement.GetProperty("qty").GetString().ShouldBe("3");
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("AKTEST:s3cret"));
        bed.Broker.AuthorizationHeaders().ShouldAllBe(header => header == expected);
    }

    [TestCase(400, "qty must be positive")]
    [TestCase(403, "insufficient buying power")]
    [TestCase(404, "account not found")]
    [TestCase(422, "asset AAPL is not fractionable")]
    public async Task Client_error_is_rejected_with_the_brokers_message(int status, string message)
    {
        bed.Broker.AnswerEveryOrderWith(AlpacaAnswer.Error(status, message));

        var result = await bed.PlaceAsync();

        result.ShouldBe(new PlacementResult.Rejected(new BrokerFailure(BrokerFailureKind.Rejected, $"rejected ({status}): {message}")));
        bed.Broker.OrderRequests().ShouldBe(1, "a rejected order is not resent");
    }

    [Test]
    public async Task Client_error_without_a_message_is_rejected_with_an_excerpt_of_the_body()
    {
        bed.Broker.AnswerEveryOrderWith(new AlpacaAnswer(403, "Forbidden\n  by   policy", "text/plain"));

        var result = await bed.PlaceAsync();

        result.ShouldBe(new PlacementResult.Rejected(new BrokerFailure(BrokerFailureKind.Rejected, "rejected (403): Forbidden by policy")));
        bed.Broker.OrderRequests().ShouldBe(1);
    }

    [TestCase(500)]
    [TestCase(503)]
    public async Task Server_error_leaves_the_outcome_unknown_and_is_not_resent(int status)
    {
        bed.Broker.AnswerEveryOrderWith(AlpacaAnswer.ServerError(status));

        var result = await bed.PlaceAsync();

        result.ShouldBe(new PlacementResult.Unknown(new BrokerFailure(BrokerFailureKind.ServerError, $"server error ({status})")));
        bed.Broker.OrderRequests().ShouldBe(1, "a 5xx placement may have been taken: never resent");
    }

    [Test]
    public async Task Malformed_json_leaves_the_outcome_unknown()
    {
        bed.Broker.AnswerEveryOrderWith(AlpacaAnswer.MalformedJson());

        var result = await bed.PlaceAsync();

        result.ShouldBe(new PlacementResult.Unknown(new BrokerFailure(BrokerFailureKind.InvalidResponse,
            """invalid response (200): not JSON of the expected shape; body: {"id": "61e69015-8549-4bfd-b9c3-01e75843f47d", "status":""")));
        bed.Broker.OrderRequests().ShouldBe(1);
    }

    [Test]
    public async Task Html_page_leaves_the_outcome_unknown_with_a_short_excerpt()
    {
        bed.Broker.AnswerEveryOrderWith(AlpacaAnswer.HtmlPage());

        var result = await bed.PlaceAsync();

        result.ShouldBe(new PlacementResult.Unknown(new BrokerFailure(BrokerFailureKind.InvalidResponse,
            "invalid response (200): not JSON of the expected shape; body: <html><head><title>Maintenance</title></head><body><h1>We'll be right back</h1><…")));
        bed.Broker.OrderRequests().ShouldBe(1);
    }

    [Test]
    public async Task Success_without_an_order_id_leaves_the_outcome_unknown()
    {
        bed.Broker.AnswerEveryOrderWith(AlpacaAnswer.WithoutId());

        var result = await bed.PlaceAsync();

        result.ShouldBe(new PlacementResult.Unknown(new BrokerFailure(BrokerFailureKind.InvalidResponse,
            """invalid response (200): missing field 'id'; body: {"client_order_id":"unknown","status":"accepted"}""")));
        bed.Broker.OrderRequests().ShouldBe(1);
    }

    [Test]
    public async Task No_answer_within_30_seconds_on_the_clock_leaves_the_outcome_unknown()
    {
        bed.Broker.AnswerEveryOrderWith(AlpacaAnswer.NoAnswer());

        var placing = bed.PlaceAsync();
        await bed.Broker.RequestHeldAsync();
        await bed.Clock.AdvancePastTimerAsync(AlpacaTestBed.RequestTimeout);
        var result = await placing;

        result.ShouldBe(new PlacementResult.Unknown(new BrokerFailure(BrokerFailureKind.TimedOut, "timed out")));
        bed.Broker.OrderRequests().ShouldBe(1, "a timed-out placement may have been taken: never resent");
    }

    [Test]
    public async Task Refused_connection_is_rejected_without_reaching_the_broker()
    {
        bed.Broker.GoOffline();

        var result = await bed.PlaceAsync();

        result.ShouldBe(new PlacementResult.Rejected(new BrokerFailure(BrokerFailureKind.ConnectionFailed, "connection failed")));
        bed.Broker.TotalRequests().ShouldBe(0, "requests that reached the broker");
    }
}
