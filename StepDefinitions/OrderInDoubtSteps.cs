using Reqnroll;
using Shouldly;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Support.Drivers;

namespace TradingBot.Acceptance.StepDefinitions;

/// <summary>Orders whose outcome is in doubt: a broker gone silent, cancel requests, how the order ended, late fills.</summary>
[Binding]
public sealed class OrderInDoubtSteps(BrokerDriver broker)
{
    [Given("the broker stops answering status requests")]
    public void GivenTheBrokerStopsAnsweringStatusRequests() => broker.StopAnsweringStatusRequests();

    [Given("the broker never answers cancel requests")]
    public void GivenTheBrokerNeverAnswersCancelRequests() => broker.NeverAnswerCancels();

    [When("the broker reports the order canceled with nothing filled")]
    public Task WhenTheBrokerReportsTheOrderCanceledWithNothingFilled() => broker.ReportCanceledAsync(new FractionalShares(0m), null);

    [When("the broker reports the order canceled after {shares} filled at {usd}")]
    public Task WhenTheBrokerReportsTheOrderCanceledAfterAPartialFill(FractionalShares filled, Usd price) => broker.ReportCanceledAsync(filled, price);

    [Then("the broker received a request to cancel the {symbol} order")]
    public void ThenTheBrokerReceivedARequestToCancel(Symbol symbol) =>
        broker.CancelRequestsFor(symbol).ShouldBeGreaterThan(0, $"cancel requests the broker received for {symbol} orders");

    [Then("the broker received {int} request(s) to cancel the {symbol} order")]
    public void ThenTheBrokerReceivedRequestsToCancel(int count, Symbol symbol) =>
        broker.CancelRequestsFor(symbol).ShouldBe(count, $"cancel requests the broker received for {symbol} orders");

    [Then("the {symbol} order is in doubt")]
    public void ThenTheOrderIsInDoubt(Symbol symbol) =>
        (broker.OpenOrder(symbol) ?? throw new InvalidOperationException($"No {symbol} order is open."))
            .IsInDoubt.ShouldBeTrue($"whether the open {symbol} order is in doubt (its cancel requested)");
}
