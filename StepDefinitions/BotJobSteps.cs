using System.Globalization;
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

    [When("the position checker runs {int} times")]
    public Task WhenThePositionCheckerRunsTimes(int times) => hedging.RunPositionCheckerAsync(times);

    [When("{int} second(s) pass(es)")]
    public void WhenSecondsPass(int seconds) => hedging.PassSeconds(seconds);

    [Given("it is {word} in New York")]
    [When("it is {word} in New York")]
    public void WhenItIsInNewYork(string time) =>
        hedging.PassUntilNewYork(TimeOnly.TryParseExact(time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock)
            ? clock
            : throw new ArgumentException($"'{time}' is not a time of day: write hours and minutes on a 24-hour clock, e.g. 09:30 or 17:00.", nameof(time)));

    [Given("a worker took the {symbol} lock and crashed")]
    public void GivenAWorkerTookTheLockAndCrashed(Symbol symbol) => hedging.LeaveLockOf(symbol);
}
