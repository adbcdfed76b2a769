using System.Net;
using Reqnroll;
using Shouldly;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Support.Drivers;

namespace TradingBot.Acceptance.StepDefinitions;

/// <summary>Steps of an operator at the running bot's operator API (<c>@e2e</c>): the kill switch, the limits, the status.</summary>
[Binding]
public sealed class OperatorApiSteps(OperatorDriver operatorApi, RunningBotDriver bot)
{
    [When("an operator engages the kill switch through the operator API because {string}")]
    public Task WhenAnOperatorEngagesTheKillSwitch(string reason) => operatorApi.EngageKillSwitchAsync(reason);

    [When("an operator resets the kill switch through the operator API")]
    public Task WhenAnOperatorResetsTheKillSwitch() => operatorApi.ResetKillSwitchAsync();

    [Given("an operator has set the order limit to {usd} through the operator API")]
    [When("an operator sets the order limit to {usd} through the operator API")]
    public Task WhenAnOperatorSetsTheOrderLimit(Usd limit) => operatorApi.SetOrderLimitAsync(limit);

    [When("an operator tries to set the order limit to {word} through the operator API")]
    public Task WhenAnOperatorTriesToSetTheOrderLimit(string typed) => operatorApi.SetOrderLimitAsTypedAsync(typed);

    [When("someone without the operator token tries to engage the kill switch")]
    public Task WhenSomeoneWithoutTheTokenTriesToEngageTheKillSwitch() => operatorApi.EngageKillSwitchWithoutTheTokenAsync("not an operator");

    [When("the running bot goes on for {int} minute(s)")]
    public Task WhenTheRunningBotGoesOn(int minutes) => bot.PassAsync(TimeSpan.FromMinutes(minutes));

    [Then("the operator API answers {int} {string}")]
    public void ThenTheOperatorApiAnswers(int status, string error) =>
        operatorApi.LastRefusal.ShouldBe(((HttpStatusCode)status, error), "the operator API's answer");

    [Then("the operator API shows the kill switch engaged because of {string}")]
    public async Task ThenTheOperatorApiShowsTheKillSwitchEngaged(string reason) =>
        (await operatorApi.KillSwitchAsync()).ShouldBe((true, reason), "the kill switch in GET /status");

    [Then("the operator API shows the kill switch not engaged")]
    public async Task ThenTheOperatorApiShowsTheKillSwitchNotEngaged() =>
        (await operatorApi.KillSwitchAsync()).ShouldBe((false, null), "the kill switch in GET /status");

    [Then("the operator API shows an order limit of {usd}")]
    public async Task ThenTheOperatorApiShowsAnOrderLimit(Usd limit) =>
        (await operatorApi.OrderLimitAsync()).ShouldBe(limit.Value, "the order limit in GET /status");

    [Then("the operator API shows the {symbol} position at net {shares}")]
    public async Task ThenTheOperatorApiShowsThePosition(Symbol symbol, FractionalShares net) =>
        (await operatorApi.NetPositionAsync(symbol)).ShouldBe(net.Value, $"the {symbol} position in GET /status");

    [Then("no broker order was placed after the kill switch was engaged")]
    public void ThenNoBrokerOrderWasPlacedAfterTheKillSwitch() =>
        operatorApi.OrdersSinceEngagement().ShouldBe((0, 0), "broker orders received and recorded since the kill switch was engaged");

    [Then("the operator token appears in no line the bot logged")]
    public void ThenTheOperatorTokenIsNotLogged()
    {
        operatorApi.OperatorApiLogLines().ShouldBeGreaterThan(0, "lines the bot logged about the operator API");
        operatorApi.LogLinesWithTheToken().ShouldBeEmpty("log lines holding the operator token");
    }
}
