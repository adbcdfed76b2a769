using Reqnroll;
using TradingBot.Acceptance.Support.Drivers;

namespace TradingBot.Acceptance.StepDefinitions;

[Binding]
public sealed class RestartSteps(BotDriver bot)
{
    [Given("the bot keeps its events in a database file")]
    public void GivenTheBotKeepsItsEventsInADatabaseFile() => bot.KeepEventsInFile();

    [When("the bot restarts")]
    public Task WhenTheBotRestarts() => bot.RestartAsync();
}
