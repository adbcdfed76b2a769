using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Support.Fakes;

namespace TradingBot.Acceptance.UnitTests.Execution.Alpaca;

/// <summary>Canceling an order in doubt at the Alpaca Broker API: <c>DELETE …/orders/{order_id}</c> (docs/domain.md §13.1).</summary>
[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
[Parallelizable(ParallelScope.All)]
public sealed class AlpacaCancelTests : IDisposable
{
    private static readonly BrokerOrderId OrderId = new(AlpacaTestBed.OrderId);

    private readonly AlpacaTestBed bed = new();

    public void Dispose() => bed.Dispose();

    private Task<CancelResult> CancelAsync(BrokerOrderId? orderId = null) => bed.Executor.CancelOrderAsync(orderId ?? OrderId, CancellationToken.None);

    [Test]
    public async Task No_content_means_the_broker_took_the_request()
    {
        bed.Broker.AnswerCancel(AlpacaTestBed.OrderId, new AlpacaAnswer(204, ""));

        (await CancelAsync()).ShouldBe(new CancelResult.Requested());

        var request = bed.Broker.CancelRequests(AlpacaTestBed.OrderId).ShouldHaveSingleItem();
        request.Path.ShouldBe($"/v1/trading/accounts/{bed.Broker.AccountId}/orders/{AlpacaTestBed.OrderId}");
        request.Headers!["Authorization"][0].ShouldStartWith("Basic ");
    }

    [TestCase(404, "order not found")]
    [TestCase(422, "order is not cancelable")]
    public async Task Not_found_or_not_cancelable_means_the_order_already_ended(int status, string message)
    {
        bed.Broker.AnswerCancel(AlpacaTestBed.OrderId, AlpacaAnswer.Error(status, message));

        (await CancelAsync()).ShouldBe(new CancelResult.AlreadyEnded());
    }

    [Test]
    public async Task A_server_error_is_no_answer_and_is_not_resent_at_once()
    {
        bed.Broker.AnswerCancel(AlpacaTestBed.OrderId, AlpacaAnswer.ServerError(503));

        (await CancelAsync()).ShouldBeOfType<CancelResult.Unanswered>().Failure.Kind.ShouldBe(BrokerFailureKind.ServerError);

        bed.Broker.CancelRequests(AlpacaTestBed.OrderId).Count.ShouldBe(1, "cancel requests sent");
    }

    [Test]
    public async Task A_refusal_keeps_credentials_out_of_the_reason()
    {
        bed.Broker.AnswerCancel(AlpacaTestBed.OrderId, new AlpacaAnswer(403, """{"message":"forbidden","access_token":"tok-7f3a9c"}"""));

        var failure = (await CancelAsync()).ShouldBeOfType<CancelResult.Unanswered>().Failure;

        failure.Reason.ShouldNotContain("tok-7f3a9c");
        failure.Reason.ShouldContain("403");
    }

    [Test]
    public async Task The_order_book_cancels_an_open_order_and_refuses_to_cancel_a_filled_one()
    {
        var placed = (await bed.PlaceAsync()).ShouldBeOfType<PlacementResult.Accepted>().OrderId;

        (await CancelAsync(placed)).ShouldBe(new CancelResult.Requested());
        (await bed.Executor.GetOrderStatusAsync(placed, CancellationToken.None)).ShouldBe(new BrokerOrderState.Submitted(placed, FractionalShares.Zero));

        bed.Broker.OrderBook.Fill(placed.Value, new Usd(100m));
        (await CancelAsync(placed)).ShouldBe(new CancelResult.AlreadyEnded());
        (await CancelAsync(new BrokerOrderId("0a1e0000-0000-4ace-8ace-999999999999"))).ShouldBe(new CancelResult.AlreadyEnded());
    }

    [Test]
    public async Task An_order_canceled_after_a_partial_fill_reads_with_what_filled()
    {
        var placed = (await bed.PlaceAsync()).ShouldBeOfType<PlacementResult.Accepted>().OrderId;
        await CancelAsync(placed);

        bed.Broker.OrderBook.Cancel(placed.Value, new FractionalShares(0.2m), new Usd(100.5m));

        (await bed.Executor.GetOrderStatusAsync(placed, CancellationToken.None)).ShouldBe(new BrokerOrderState.CanceledAfterPartialFill(
            placed, new FractionalShares(0.2m), new Usd(100.5m), AlpacaTestBed.MarketMorning, "broker reported the order canceled"));
    }

    [Test]
    public async Task A_broker_that_stops_answering_status_requests_gives_nothing_readable()
    {
        var placed = (await bed.PlaceAsync()).ShouldBeOfType<PlacementResult.Accepted>().OrderId;
        bed.Broker.OrderBook.StopAnsweringStatusRequests();

        (await bed.Executor.GetOrderStatusAsync(placed, CancellationToken.None)).ShouldBeOfType<BrokerOrderState.Unreadable>();

        bed.Broker.OrderBook.Cancel(placed.Value, FractionalShares.Zero, null);
        (await bed.Executor.GetOrderStatusAsync(placed, CancellationToken.None)).ShouldBeOfType<BrokerOrderState.Failed>()
            .ErrorReason.ShouldBe("broker reported the order canceled");
    }
}
