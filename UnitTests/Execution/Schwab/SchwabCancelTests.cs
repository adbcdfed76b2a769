using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Support.Fakes;
using TradingBot.Acceptance.Support.World;

namespace TradingBot.Acceptance.UnitTests.Execution.Schwab;

/// <summary>Canceling an order in doubt at Schwab: <c>DELETE /trader/v1/accounts/{accountNumber}/orders/{orderId}</c> (docs/domain.md §13.1).</summary>
[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
[Parallelizable(ParallelScope.All)]
public sealed class SchwabCancelTests : IDisposable
{
    private static readonly BrokerOrderId OrderId = new(SchwabTestBed.OrderId);

    private readonly SchwabTestBed bed = new();

    public void Dispose() => bed.Dispose();

    private Task<CancelResult> CancelAsync() => bed.Executor.CancelOrderAsync(OrderId, CancellationToken.None);

    [Test]
    public async Task A_success_means_the_broker_took_the_request_sent_with_the_bearer_token()
    {
        bed.GrantToken("access-1");
        bed.AnswerCancel(SchwabTestBed.OrderId, 200);

        (await CancelAsync()).ShouldBe(new CancelResult.Requested());

        var request = bed.Requests("DELETE", $"{SchwabTestBed.OrdersPath}/{SchwabTestBed.OrderId}").ShouldHaveSingleItem();
        request.Headers!["Authorization"][0].ShouldBe("Bearer access-1");
    }

    [TestCase(400)]
    [TestCase(404)]
    [TestCase(422)]
    public async Task An_order_that_cannot_be_canceled_any_more_already_ended(int status)
    {
        bed.GrantToken("access-1");
        bed.AnswerCancel(SchwabTestBed.OrderId, status, """{"message":"Order cannot be canceled"}""");

        (await CancelAsync()).ShouldBe(new CancelResult.AlreadyEnded());
    }

    [Test]
    public async Task A_server_error_is_no_answer_and_keeps_credentials_out_of_the_reason()
    {
        bed.GrantToken("access-1");
        bed.AnswerCancel(SchwabTestBed.OrderId, 503, """{"message":"unavailable","refresh_token":"rt-55c1e0"}""");

        var failure = (await CancelAsync()).ShouldBeOfType<CancelResult.Unanswered>().Failure;

        failure.Kind.ShouldBe(BrokerFailureKind.ServerError);
        failure.Reason.ShouldNotContain("rt-55c1e0");
        bed.Requests("DELETE", $"{SchwabTestBed.OrdersPath}/{SchwabTestBed.OrderId}").Count.ShouldBe(1, "cancel requests sent");
    }

    [Test]
    public async Task An_order_canceled_after_a_partial_fill_reads_with_what_filled()
    {
        bed.GrantToken("access-1");
        bed.AnswerOrderStatus(SchwabTestBed.OrderId, """
            {"status":"CANCELED","filledQuantity":1,"orderActivityCollection":[{"activityType":"EXECUTION","executionLegs":[{"quantity":1,"price":100.4}]}]}
            """);

        (await bed.Executor.GetOrderStatusAsync(OrderId, CancellationToken.None)).ShouldBe(new BrokerOrderState.CanceledAfterPartialFill(
            OrderId, new FractionalShares(1m), new Usd(100.4m), SchwabTestBed.MarketMorning, "broker reported the order CANCELED"));
    }

    [Test]
    public async Task The_simulator_cancels_an_open_order_and_refuses_to_cancel_an_ended_one()
    {
        var clock = new ScenarioClock(SchwabTestBed.MarketMorning);
        using var stub = new SchwabBrokerStub(clock);
        using var http = new HttpClient { BaseAddress = stub.Url };
        using var executor = new Domain.Execution.Schwab.SchwabExecutor(
            http, new Domain.Execution.Schwab.SchwabOptions("app-key", "app-secret", stub.RefreshToken, stub.AccountHash), clock);
        var placed = (await executor.PlaceMarketOrderAsync(SchwabTestBed.BuyAapl(2m), CancellationToken.None)).ShouldBeOfType<PlacementResult.Accepted>().OrderId;

        (await executor.CancelOrderAsync(placed, CancellationToken.None)).ShouldBe(new CancelResult.Requested());
        (await executor.GetOrderStatusAsync(placed, CancellationToken.None)).ShouldBeOfType<BrokerOrderState.Submitted>();
        stub.OrderBook.Cancel(placed.Value, FractionalShares.Zero, null);

        (await executor.CancelOrderAsync(placed, CancellationToken.None)).ShouldBe(new CancelResult.AlreadyEnded());
        (await executor.GetOrderStatusAsync(placed, CancellationToken.None)).ShouldBeOfType<BrokerOrderState.Failed>();
        stub.OrderBook.CancelRequests().ShouldBe([placed.Value, placed.Value]);
    }
}
