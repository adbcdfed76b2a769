using Reqnroll;
using Shouldly;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OffchainOrders;
using TradingBot.Acceptance.Support.Drivers;

namespace TradingBot.Acceptance.StepDefinitions;

[Binding]
public sealed class BrokerSteps(BrokerDriver broker)
{
    [Given("the bot hedges with the {broker} broker")]
    public void GivenTheBotHedgesWith(SupportedExecutor kind) => broker.HedgeWith(kind);

    [Given("the broker (will )reject/rejects the next order with {string}")]
    public void GivenTheBrokerRejectsTheNextOrder(string reason) => broker.RejectNextOrder(reason);

    [Given("the broker (will )reject/rejects the next {symbol} order")]
    public void GivenTheBrokerRejectsTheNextOrderOf(Symbol symbol) => broker.RejectNextOrder(symbol);

    [Given("the broker rejects every order with {string}")]
    [When("the broker rejects every order with {string}")]
    public void GivenTheBrokerRejectsEveryOrder(string reason) => broker.RejectEveryOrder(reason);

    [When("the broker recovers")]
    public void WhenTheBrokerRecovers() => broker.Recover();

    [Given("the broker never answers")]
    public void GivenTheBrokerNeverAnswers() => broker.NeverAnswer();

    [Given("the broker answers the next order with 429 and Retry-After {int} second(s)")]
    public void GivenTheBrokerAnswersTheNextOrderWithTooManyRequests(int seconds) => broker.AnswerNextOrderWithTooManyRequests(seconds);

    [Given("the broker answers every order with {}")]
    public void GivenTheBrokerAnswersEveryOrderWith(string failure) => broker.AnswerEveryOrderWith(failure);

    [Given("a broker order to {side} {shares} {symbol} is pending")]
    public Task GivenABrokerOrderIsPending(Direction side, FractionalShares shares, Symbol symbol) =>
        broker.EnsureOpenOrderAsync(new BrokerOrder(side, shares, symbol));

    [Given("the broker has accepted the order to {side} {shares} {symbol}")]
    public Task GivenTheBrokerHasAcceptedTheOrder(Direction side, FractionalShares shares, Symbol symbol) =>
        broker.EnsureAcceptedOrderAsync(new BrokerOrder(side, shares, symbol));

    [When("the broker reports the order filled at {usd}")]
    public Task WhenTheBrokerReportsTheOrderFilled(Usd price) => broker.ReportFilledAsync(price);

    [When("the broker reports the order failed")]
    public Task WhenTheBrokerReportsTheOrderFailed() => broker.ReportFailedAsync();

    [When("the broker reports {shares} of the order filled")]
    public Task WhenTheBrokerReportsAPartialFill(FractionalShares filledSoFar) => broker.ReportPartialFillAsync(filledSoFar);

    [When("the broker fills the pending order")]
    public Task WhenTheBrokerFillsThePendingOrder() => broker.FillOpenOrderAsync();

    [When("the broker fills the pending order for {symbol}")]
    public Task WhenTheBrokerFillsThePendingOrderFor(Symbol symbol) => broker.FillOpenOrderAsync(symbol);

    [When("the broker fills every hedge")]
    [When("the brokers fill every hedge")]
    public Task WhenTheBrokerFillsEveryHedge() => broker.FillEveryHedgeAsync();

    [Then("a broker order to {side} {shares} {symbol} is pending")]
    public void ThenABrokerOrderIsPending(Direction side, FractionalShares shares, Symbol symbol) =>
        broker.OpenOrders(symbol).ShouldHaveSingleItem($"the open {symbol} orders")
            .ShouldBe(new BrokerOrder(side, shares, symbol), $"the pending hedge for {symbol}");

    [Then("no broker order is pending for {symbol}")]
    public void ThenNoBrokerOrderIsPendingFor(Symbol symbol) =>
        broker.OpenOrders(symbol).ShouldBeEmpty($"the open {symbol} orders");

    [Then("the broker has accepted the order")]
    public void ThenTheBrokerHasAcceptedTheOrder() =>
        broker.LastOrder().ShouldBeOfType<OffchainOrder.Submitted>("the latest order, accepted with a broker order id");

    [Then("exactly {int} broker order(s) has/have been placed for {symbol}")]
    public void ThenExactlyBrokerOrdersHaveBeenPlaced(int count, Symbol symbol) =>
        broker.OrdersPlacedFor(symbol).ShouldBe(new PlacedOrders(count, count), $"{symbol} orders recorded by the bot and received by the broker");

    [Then("the last {symbol} broker order failed with {string}")]
    public void ThenTheLastBrokerOrderFailedWith(Symbol symbol, string reason) =>
        broker.LastOrder(symbol).ShouldBeOfType<OffchainOrder.Failed>($"the last {symbol} order").Error
            .ShouldContain(reason, Case.Sensitive, $"why the last {symbol} order failed");

    [Then("the last {symbol} broker order went through {}")]
    public void ThenTheLastBrokerOrderWentThrough(Symbol symbol, string events) =>
        broker.LastOrderHistory(symbol).ShouldBe(events.Split(", "), $"the events of the last {symbol} order");

    [Then("the broker received {int} order request(s)")]
    public void ThenTheBrokerReceivedOrderRequests(int count) =>
        broker.OrderRequestsReceived().ShouldBe(count, "order requests the broker received");
}
