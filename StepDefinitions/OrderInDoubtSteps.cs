using Reqnroll;
using Shouldly;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Support.Drivers;

namespace TradingBot.Acceptance.StepDefinitions;

/// <summary>Orders whose outcome is in doubt: a broker gone silent, cancel requests, how the order ended, late fills.</summary>
[Binding]
public sealed class OrderInDoubtSteps(BrokerDriver broker, OrderInDoubtDriver doubt)
{
    [Given("the broker stops answering status requests")]
    public void GivenTheBrokerStopsAnsweringStatusRequests() => doubt.StopAnsweringStatusRequests();

    [Given("the broker never answers cancel requests")]
    public void GivenTheBrokerNeverAnswersCancelRequests() => doubt.NeverAnswerCancels();

    [When("the broker reports the order canceled with nothing filled")]
    public Task WhenTheBrokerReportsTheOrderCanceledWithNothingFilled() => broker.ReportCanceledAsync(new FractionalShares(0m), null);

    [When("the broker reports the order canceled after {shares} filled at {usd}")]
    public Task WhenTheBrokerReportsTheOrderCanceledAfterAPartialFill(FractionalShares filled, Usd price) => broker.ReportCanceledAsync(filled, price);

    [Then("the broker received a request to cancel the {symbol} order")]
    public void ThenTheBrokerReceivedARequestToCancel(Symbol symbol) =>
        doubt.CancelRequestsFor(symbol).ShouldBeGreaterThan(0, $"cancel requests the broker received for {symbol} orders");

    [Then("the broker received {int} request(s) to cancel the {symbol} order")]
    public void ThenTheBrokerReceivedRequestsToCancel(int count, Symbol symbol) =>
        doubt.CancelRequestsFor(symbol).ShouldBe(count, $"cancel requests the broker received for {symbol} orders");

    [Then("the {symbol} order is in doubt")]
    public void ThenTheOrderIsInDoubt(Symbol symbol) =>
        (broker.OpenOrder(symbol) ?? throw new InvalidOperationException($"No {symbol} order is open."))
            .IsInDoubt.ShouldBeTrue($"whether the open {symbol} order is in doubt (its cancel requested)");

    [Then("the operator has not been alerted about the {symbol} order")]
    public void ThenTheOperatorHasNotBeenAlerted(Symbol symbol) =>
        doubt.InDoubtAlertsFor(symbol).ShouldBe(0, $"alerts that a {symbol} order is in doubt");

    [Then("the operator has been alerted once that the {symbol} order is in doubt")]
    public void ThenTheOperatorHasBeenAlertedOnce(Symbol symbol) =>
        doubt.InDoubtAlertsFor(symbol).ShouldBe(1, $"alerts that a {symbol} order is in doubt");

    [When("the broker turns out to have filled the lost {symbol} order at {usd}")]
    public Task WhenTheBrokerTurnsOutToHaveFilledTheLostOrder(Symbol symbol, Usd price) => doubt.ReportLostOrderFilledAsync(symbol, price);
}
