using Reqnroll;
using Shouldly;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OffchainOrders;
using TradingBot.Acceptance.Domain.Risk;
using TradingBot.Acceptance.Support.Drivers;

namespace TradingBot.Acceptance.StepDefinitions;

[Binding]
public sealed class RiskSteps(RiskDriver risk, BrokerDriver broker, RebalancingDriver rebalancing)
{
    [Given("the order limit is {usd}")]
    [When("the order limit is set to {usd}")]
    public void GivenTheOrderLimitIs(Usd limit) => risk.LimitOrders(limit);

    [Given("the daily limit is {usd}")]
    public void GivenTheDailyLimitIs(Usd limit) => risk.LimitTheDay(limit);

    [Given("the kill switch engages after {int} failed broker orders in a row")]
    public void GivenTheKillSwitchEngagesAfter(int failures) => risk.EngageAfterFailures(failures);

    [Given("the kill switch of the daily limit resets with the new day")]
    public void GivenTheKillSwitchResetsWithTheNewDay() => risk.ResetWithTheNewDay();

    [Given("an operator has engaged the kill switch")]
    [When("an operator engages the kill switch")]
    public void WhenAnOperatorEngagesTheKillSwitch() => risk.EngageKillSwitch();

    [When("an operator resets the kill switch")]
    public void WhenAnOperatorResetsTheKillSwitch() => risk.ResetKillSwitch();

    [Then("the kill switch is engaged because of {string}")]
    public void ThenTheKillSwitchIsEngagedBecauseOf(string reason) =>
        risk.Status().KillSwitch.ShouldNotBeNull("the kill switch").Reason.ShouldBe(reason);

    [Then("the kill switch is not engaged")]
    public void ThenTheKillSwitchIsNotEngaged() => risk.Status().KillSwitch.ShouldBeNull("the kill switch");

    [Then("Alpaca received no mint request")]
    public async Task ThenAlpacaReceivedNoMintRequest() =>
        (await rebalancing.MintRequestsAsync()).ShouldBeEmpty("mint requests Alpaca received");

    [Then("the bot recorded these control decisions:")]
    public void ThenTheBotRecordedTheseControlDecisions(DataTable decisions) =>
        risk.Decisions().Select(RiskDriver.Describe).ShouldBe(decisions.Rows.Select(row => row[0]), "the RiskControl events, in order");

    [When("the clock passes midnight UTC")]
    public void WhenTheClockPassesMidnight() => risk.PassMidnight();

    [Given("the bot hedges with {broker} and falls back to {broker}")]
    public void GivenTheBotHedgesWithAndFallsBackTo(SupportedExecutor main, SupportedExecutor fallback) => risk.HedgeWith(main, fallback);

    [Given("{broker} is down")]
    [When("{broker} is down")]
    public Task GivenTheBrokerIsDown(SupportedExecutor kind) => risk.GoDownAsync(kind);

    [When("{broker} is up again")]
    public Task WhenTheBrokerIsUpAgain(SupportedExecutor kind) => risk.ComeBackUpAsync(kind);

    [Given("{broker} has accepted the order to {side} {shares} {symbol}")]
    public async Task GivenTheBrokerHasAcceptedTheOrder(SupportedExecutor kind, Direction side, FractionalShares shares, Symbol symbol)
    {
        await broker.EnsureAcceptedOrderAsync(new BrokerOrder(side, shares, symbol));
        risk.OpenOrderAt(symbol, kind).ShouldBeOfType<OffchainOrder.Submitted>($"the {symbol} order, held by {BrokerRoute.Name(kind)}");
    }

    [When("{broker} fills the pending order")]
    public Task WhenTheBrokerFillsThePendingOrder(SupportedExecutor kind) => risk.FillAtAsync(kind);

    [When("{broker} reports the order filled at {usd}")]
    public Task WhenTheBrokerReportsTheOrderFilled(SupportedExecutor kind, Usd price) => risk.FillAtAsync(kind, price);

    [Then("a(n) {broker} order to {side} {shares} {symbol} is pending")]
    public void ThenABrokerOrderIsPendingAt(SupportedExecutor kind, Direction side, FractionalShares shares, Symbol symbol)
    {
        var expected = new BrokerOrder(side, shares, symbol);
        broker.OpenOrders(symbol).ShouldHaveSingleItem($"the open {symbol} orders").ShouldBe(expected, $"the pending hedge for {symbol}");
        risk.OpenOrderAt(symbol, kind).ShouldNotBeNull($"the open {symbol} order, held by {BrokerRoute.Name(kind)}");
        risk.ReceivedBy(kind).ShouldContain(expected, $"the orders {BrokerRoute.Name(kind)}'s simulator received");
    }

    [Then("the fallback to {broker} was recorded because {string}")]
    public void ThenTheFallbackWasRecordedBecause(SupportedExecutor kind, string reason) =>
        risk.Decisions().OfType<RiskControlEvent.FallbackStarted>().ShouldContain(
            started => started.To == kind && started.Reason == reason, $"a FallbackStarted to {BrokerRoute.Name(kind)} because \"{reason}\"");
}
