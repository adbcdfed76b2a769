using Reqnroll;
using Shouldly;
using TradingBot.Acceptance.Support.Drivers;

namespace TradingBot.Acceptance.StepDefinitions;

/// <summary>The bot's connection to its HTTP broker: reaching it, its credentials, its upkeep.</summary>
[Binding]
public sealed class BrokerConnectionSteps(BrokerConnectionDriver connection)
{
    [Given("the broker cannot be reached")]
    [When("the broker cannot be reached")]
    public void GivenTheBrokerCannotBeReached() => connection.CutNetwork();

    [When("the broker can be reached again")]
    public void WhenTheBrokerCanBeReachedAgain() => connection.RestoreNetwork();

    [Then("the bot has tried to reach the broker {int} time(s)")]
    public void ThenTheBotHasTriedToReachTheBroker(int times) =>
        connection.Attempts().ShouldBe(times, "requests the bot tried to send the broker");

    [Given("the broker refuses the bot's API key")]
    [When("the broker refuses the bot's API key")]
    public void GivenTheBrokerRefusesTheKey() => connection.RefuseCredentials();

    [When("the broker accepts the bot's API key again")]
    public void WhenTheBrokerAcceptsTheKeyAgain() => connection.AcceptCredentials();

    [Then("the bot holds its hedges because the broker refuses its credentials")]
    public void ThenTheBotHoldsItsHedges() =>
        connection.CredentialsRefused().ShouldBeTrue("the bot knows its credentials were refused");

    [Then("the bot no longer reports its credentials refused")]
    public void ThenTheBotNoLongerReportsItsCredentialsRefused() =>
        connection.CredentialsRefused().ShouldBeFalse("the bot knows its credentials were refused");

    [Then("the bot has checked its broker account {int} time(s)")]
    public void ThenTheBotHasCheckedItsAccount(int times) =>
        connection.AccountReads().ShouldBe(times, "account reads the broker received");

    [When("the token upkeep runs")]
    public Task WhenTheTokenUpkeepRuns() => connection.RunUpkeepAsync();
}
