using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Execution.BrokerHttp;
using TradingBot.Acceptance.Domain.Execution.Schwab;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Support.Fakes;
using TradingBot.Acceptance.UnitTests.Execution.Alpaca;
using TradingBot.Acceptance.UnitTests.Execution.Schwab;

namespace TradingBot.Acceptance.UnitTests.Execution;

/// <summary>
/// What the adapters make of broker answers they cannot trust (a field missing, a figure unreadable or negative)
/// and of an order of no shares: never a guess, always a reason.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class BrokerAnswerCheckTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 12, 14, 0, 0, TimeSpan.Zero);

    [TestCase("""{"id":"61e69015-8549-4bfd-b9c3-01e75843f47d"}""", "missing field 'status'")]
    [TestCase("""{"id":"61e69015-8549-4bfd-b9c3-01e75843f47d","status":"filled","filled_qty":"lots"}""", "unreadable 'filled_qty'")]
    public async Task An_Alpaca_order_status_without_a_usable_status_or_quantity_is_unreadable(string body, string problem)
    {
        using var bed = new AlpacaTestBed();
        bed.Broker.AnswerOrderStatus(AlpacaTestBed.OrderId, new AlpacaAnswer(200, body));

        var state = await bed.Executor.GetOrderStatusAsync(new BrokerOrderId(AlpacaTestBed.OrderId), CancellationToken.None);

        state.ShouldBeOfType<BrokerOrderState.Unreadable>().Failure.Reason.ShouldContain(problem);
    }

    [TestCase("""{"id":"a1","cash":"1.00"}""", "missing field 'status'")]
    [TestCase("""{"id":"a1","status":""", "invalid response")]
    public async Task An_Alpaca_account_answer_without_a_status_fails_the_probe(string body, string problem)
    {
        using var bed = new AlpacaTestBed();
        bed.Broker.AnswerAccount(new AlpacaAnswer(200, body));

        var probe = await bed.Executor.ProbeAccountAsync(CancellationToken.None);

        probe.ShouldBeOfType<AccountProbeResult.Failed>().Failure.Reason.ShouldContain(problem);
    }

    [TestCase("""{"symbol":"AAPL","status":"active"}""", "missing field 'status' or 'tradable'")]
    [TestCase("""{"symbol":""", "invalid response")]
    public async Task An_Alpaca_asset_answer_that_cannot_be_read_refuses_the_order_with_the_reason(string body, string problem)
    {
        using var bed = new AlpacaTestBed();
        bed.Broker.AcceptOrders(AlpacaTestBed.OrderId);
        bed.Broker.AnswerAssetWith(AlpacaTestBed.Aapl, new AlpacaAnswer(200, body));

        var result = await bed.PlaceAsync();

        result.ShouldBeOfType<PlacementResult.Rejected>().Failure.Reason.ShouldContain(problem);
        bed.Broker.OrderRequests().ShouldBe(0, "orders sent without a readable asset");
    }

    [Test]
    public async Task An_order_of_no_shares_never_reaches_either_broker()
    {
        using var alpaca = new AlpacaTestBed();
        using var schwab = new SchwabTestBed();

        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => alpaca.PlaceAsync(AlpacaTestBed.BuyAapl(0m)));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => schwab.Executor.PlaceMarketOrderAsync(SchwabTestBed.BuyAapl(0m), CancellationToken.None));

        alpaca.Broker.OrderRequests().ShouldBe(0, "Alpaca order requests");
        schwab.Requests("POST", SchwabTestBed.OrdersPath).ShouldBeEmpty("Schwab order requests");
    }

    [TestCase("""{"orderId":1,"filledQuantity":1}""", "missing field 'status'")]
    [TestCase("""{"orderId":1,"status":"WORKING","filledQuantity":-1}""", "negative 'filledQuantity'")]
    [TestCase("""{"orderId":1,"status":"FILLED","filledQuantity":1,"orderActivityCollection":[]}""", "no execution legs with quantity and price")]
    public async Task A_Schwab_order_status_without_a_usable_status_quantity_or_price_is_unreadable(string body, string problem)
    {
        using var bed = new SchwabTestBed();
        bed.GrantToken("access-1");
        bed.AnswerOrderStatus(SchwabTestBed.OrderId, body);

        var state = await bed.Executor.GetOrderStatusAsync(new BrokerOrderId(SchwabTestBed.OrderId), CancellationToken.None);

        state.ShouldBeOfType<BrokerOrderState.Unreadable>().Failure.Reason.ShouldContain(problem);
    }

    [Test]
    public void Schwab_market_hours_that_were_not_answered_or_cannot_be_read_count_as_closed()
    {
        SchwabMarketHours.IsOpen(new BrokerHttpOutcome.Refused(BrokerFailures.Authentication, 401), Now).ShouldBeFalse("refused");
        SchwabMarketHours.IsOpen(new BrokerHttpOutcome.Answered(200, "{\"equity\":", null), Now).ShouldBeFalse("cut-off JSON");
    }
}
