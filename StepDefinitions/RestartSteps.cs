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

    [Given("the bot will crash right after the broker has received {int} hedge(s)")]
    public void GivenTheBotWillCrash(int hedges) => bot.CrashAfter(hedges);

    [When("the bot processes the event queue and crashes")]
    public Task WhenTheBotProcessesTheEventQueueAndCrashes() => bot.ProcessTheQueueUntilTheBotCrashesAsync();
}
