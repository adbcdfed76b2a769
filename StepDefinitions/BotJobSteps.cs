using Reqnroll;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Support.Drivers;

namespace TradingBot.Acceptance.StepDefinitions;

/// <summary>The bot's periodic jobs, time passing, and the locks its workers hold.</summary>
[Binding]
public sealed class BotJobSteps(HedgingDriver hedging)
{
    [When("the position checker runs")]
    public Task WhenThePositionCheckerRuns() => hedging.RunPositionCheckerAsync();

    [When("the stale-order cleanup runs")]
    public Task WhenTheStaleOrderCleanupRuns() => hedging.RunStaleOrderCleanupAsync();

    [When("{int} minute(s) pass(es)")]
    public void WhenMinutesPass(int minutes) => hedging.PassMinutes(minutes);

    [Given("a worker took the {symbol} lock and crashed")]
    public void GivenAWorkerTookTheLockAndCrashed(Symbol symbol) => hedging.LeaveLockOf(symbol);
}
