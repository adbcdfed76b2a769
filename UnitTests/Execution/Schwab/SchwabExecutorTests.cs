using System.Text;
using System.Text.Json;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.UnitTests.Execution.Schwab;

[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
[Parallelizable(ParallelScope.All)]
public sealed class SchwabExecutorTests : IDisposable
{
    private readonly SchwabTestBed bed = new();

    public void Dispose() => bed.Dispose();

    [Test]
    public async Task Order_is_placed_with_a_refreshed_token_and_its_id_read_from_Location()
    {
        bed.GrantToken("access-1");
        bed.AcceptOrders(SchwabTestBed.OrderId);

        var result = await bed.Executor.PlaceMarketOrderAsync(SchwabTestBed.BuyAapl(2m), CancellationToken.None);

        result.ShouldBe(new PlacementResult.Accepted(new BrokerOrderId(SchwabTestBed.OrderId)));
        var tokenRequest = bed.Requests("POST", SchwabTestBed.TokenPath).ShouldHaveSingleItem();
        tokenRequest.Body.ShouldBe("grant_type=refresh_token&refresh_token=refresh-1");
        tokenRequest.Headers!["Authorization"][0].ShouldBe("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("app-key:app-secret")));
        var orderRequest = bed.Requests("POST", SchwabTestBed.OrdersPath).ShouldHaveSingleItem();
        orderRequest.Headers!["Authorization"][0].ShouldBe("Bearer access-1");
        using var body = JsonDocument.Parse(orderRequest.Body!);
        body.RootElement.GetProperty("orderType").GetString().ShouldBe("MARKET");
        body.RootElement.GetProperty("session").GetString().ShouldBe("NORMAL");
        body.RootElement.GetProperty("duration").GetString().ShouldBe("DAY");
        body.RootElement.GetProperty("orderStrategyType").GetString().ShouldBe("SINGLE");
        var leg = body.RootElement.GetProperty("orderLegCollection").EnumerateArray().ShouldHaveSingleItem();
        leg.GetProperty("instruction").GetString().ShouldBe("BUY");
        leg.GetProperty("quantity").GetDecimal().ShouldBe(2m);
        leg.GetProperty("instrument").GetProperty("symbol").GetString().ShouldBe("AAPL");
        leg.GetProperty("instrument").GetProperty("assetType").GetString().ShouldBe("EQUITY");
    }

    [Test]
    public async Task Token_is_reused_until_it_nearly_expires_then_refreshed_with_the_new_refresh_token()
    {
        bed.GrantToken("access-1", expiresInSeconds: 1800, refreshToken: "refresh-2");
        bed.AcceptOrders(SchwabTestBed.OrderId);

        await bed.Executor.PlaceMarketOrderAsync(SchwabTestBed.BuyAapl(1m), CancellationToken.None);
        bed.Clock.Advance(TimeSpan.FromSeconds(1739));
        await bed.Executor.PlaceMarketOrderAsync(SchwabTestBed.BuyAapl(1m), CancellationToken.None);
        var tokenRequestsWhileValid = bed.Requests("POST", SchwabTestBed.TokenPath).Count;
        bed.GrantToken("access-2", refreshToken: "refresh-3");
        bed.Clock.Advance(TimeSpan.FromSeconds(1));
        await bed.Executor.PlaceMarketOrderAsync(SchwabTestBed.BuyAapl(1m), CancellationToken.None);

        tokenRequestsWhileValid.ShouldBe(1, "token requests within the token's life less a minute");
        var tokenRequests = bed.Requests("POST", SchwabTestBed.TokenPath);
        tokenRequests.Count.ShouldBe(2, "token requests");
        tokenRequests[1].Body.ShouldBe("grant_type=refresh_token&refresh_token=refresh-2", "the rotated refresh token is used");
        bed.Requests("POST", SchwabTestBed.OrdersPath)[2].Headers!["Authorization"][0].ShouldBe("Bearer access-2");
    }

    [Test]
    public async Task Fractional_order_is_rejected_without_any_request()
    {
        var result = await bed.Executor.PlaceMarketOrderAsync(SchwabTestBed.BuyAapl(1.2m), CancellationToken.None);

        result.ShouldBe(new PlacementResult.Rejected(new BrokerFailure(BrokerFailureKind.Rejected, "Schwab does not trade fractional shares")));
        bed.Server.LogEntries.Count.ShouldBe(0, "requests");
    }

    [Test]
    public async Task Refused_token_rejects_the_order_and_stops_placing()
    {
        bed.RefuseToken();
        bed.AcceptOrders(SchwabTestBed.OrderId);

        var first = await bed.Executor.PlaceMarketOrderAsync(SchwabTestBed.BuyAapl(1m), CancellationToken.None);
        var second = await bed.Executor.PlaceMarketOrderAsync(SchwabTestBed.BuyAapl(1m), CancellationToken.None);

        var authenticationFailed = new PlacementResult.Rejected(new BrokerFailure(BrokerFailureKind.Authentication, "authentication failed"));
        first.ShouldBe(authenticationFailed);
        second.ShouldBe(authenticationFailed);
        bed.Executor.AuthenticationFailed.ShouldBeTrue();
        bed.Requests("POST", SchwabTestBed.TokenPath).Count.ShouldBe(1, "token requests: none while authentication has failed");
        bed.Requests("POST", SchwabTestBed.OrdersPath).Count.ShouldBe(0, "order requests");
    }

    [Test]
    public async Task Created_order_without_a_Location_leaves_the_outcome_unknown()
    {
        bed.GrantToken("access-1");
        bed.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(SchwabTestBed.OrdersPath).UsingPost())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(201));

        var result = await bed.Executor.PlaceMarketOrderAsync(SchwabTestBed.BuyAapl(1m), CancellationToken.None);

        result.ShouldBe(new PlacementResult.Unknown(new BrokerFailure(BrokerFailureKind.InvalidResponse,
            "invalid response (201): missing order id in the Location header; body: (empty)")));
        bed.Requests("POST", SchwabTestBed.OrdersPath).Count.ShouldBe(1, "order requests");
    }

    [Test]
    public async Task Filled_order_is_filled_at_the_quantity_weighted_price_of_its_executions()
    {
        bed.GrantToken("access-1");
        bed.AnswerOrderStatus(SchwabTestBed.OrderId, """
            {"orderId":1004055538,"status":"FILLED","quantity":3,"filledQuantity":3,"remainingQuantity":0,
             "orderActivityCollection":[
               {"activityType":"EXECUTION","executionType":"FILL","quantity":2,"executionLegs":[{"legId":1,"quantity":2,"price":100.10,"time":"2025-03-12T14:00:01+0000"}]},
               {"activityType":"EXECUTION","executionType":"FILL","quantity":1,"executionLegs":[{"legId":1,"quantity":1,"price":100.40,"time":"2025-03-12T14:00:02+0000"}]}]}
            """);

        var state = await bed.Executor.GetOrderStatusAsync(new BrokerOrderId(SchwabTestBed.OrderId), CancellationToken.None);

        // (2 × 100.10 + 1 × 100.40) / 3 = 100.20
        state.ShouldBe(new BrokerOrderState.Filled(new BrokerOrderId(SchwabTestBed.OrderId), new Usd(100.20m), SchwabTestBed.MarketMorning));
    }

    [TestCase("WORKING", """{"status":"WORKING","filledQuantity":1}""", "Submitted 1")]
    [TestCase("QUEUED", """{"status":"QUEUED","filledQuantity":0}""", "Pending")]
    [TestCase("REJECTED", """{"status":"REJECTED","statusDescription":"insufficient buying power"}""", "Failed insufficient buying power")]
    [TestCase("EXPIRED", """{"status":"EXPIRED","filledQuantity":0}""", "Failed broker reported the order EXPIRED")]
    public async Task Open_and_ended_orders_map_to_broker_order_states(string status, string body, string expected)
    {
        bed.GrantToken("access-1");
        bed.AnswerOrderStatus(SchwabTestBed.OrderId, body);
        var orderId = new BrokerOrderId(SchwabTestBed.OrderId);

        var state = await bed.Executor.GetOrderStatusAsync(orderId, CancellationToken.None);

        BrokerOrderState expectedState = expected switch
        {
            "Submitted 1" => new BrokerOrderState.Submitted(orderId, new FractionalShares(1m)),
            "Pending" => new BrokerOrderState.Pending(),
            _ => new BrokerOrderState.Failed(SchwabTestBed.MarketMorning, expected["Failed ".Length..]),
        };
        state.ShouldBe(expectedState, status);
    }

    [Test]
    public async Task Unknown_status_is_an_invalid_response()
    {
        bed.GrantToken("access-1");
        bed.AnswerOrderStatus(SchwabTestBed.OrderId, """{"status":"TELEPORTED"}""");

        var state = await bed.Executor.GetOrderStatusAsync(new BrokerOrderId(SchwabTestBed.OrderId), CancellationToken.None);

        state.ShouldBe(new BrokerOrderState.Unreadable(new BrokerFailure(BrokerFailureKind.InvalidResponse,
            """invalid response (200): unknown order status 'TELEPORTED'; body: {"status":"TELEPORTED"}""")));
    }

    [TestCase("14:00:00", true, TestName = "Schwab market at 10:00 New York is open")]
    [TestCase("20:00:00", false, TestName = "Schwab market at the 16:00 close is closed")]
    public async Task Market_is_open_within_the_regular_session(string utcTime, bool open)
    {
        bed.GrantToken("access-1");
        bed.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/marketdata/v1/markets/equity").WithParam("date", "2025-03-12").UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithBody("""
                {"equity":{"EQ":{"date":"2025-03-12","marketType":"EQUITY","product":"EQ","isOpen":true,
                 "sessionHours":{"preMarket":[{"start":"2025-03-12T07:00:00-04:00","end":"2025-03-12T09:30:00-04:00"}],
                                 "regularMarket":[{"start":"2025-03-12T09:30:00-04:00","end":"2025-03-12T16:00:00-04:00"}]}}}}
                """));
        bed.Clock.AdjustTime(new DateTimeOffset(new DateOnly(2025, 3, 12), TimeOnly.Parse(utcTime, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Zero));

        var isOpen = await bed.Executor.IsMarketOpenAsync(CancellationToken.None);

        isOpen.ShouldBe(open);
        bed.Requests("GET", "/marketdata/v1/markets/equity").Count.ShouldBe(1, "market hours requests");
    }
}
