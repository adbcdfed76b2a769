using Reqnroll;
using Shouldly;
using TradingBot.Acceptance.Support.Drivers;

namespace TradingBot.Acceptance.StepDefinitions;

[Binding]
public sealed class ConcurrencySteps(ConcurrencyDriver concurrency)
{
    [When("{int} workers process {int} on-chain fills spread over {int} symbols at the same time")]
    public Task WhenWorkersProcessFillsAtTheSameTime(int workers, int fills, int symbols) =>
        concurrency.ProcessConcurrentlyAsync(workers, fills, symbols);

    [Then("every position's net equals its on-chain buys minus its sells plus its filled hedges")]
    public void ThenEveryPositionsNetAddsUp() =>
        concurrency.NetChecks().ShouldSatisfyAllConditions(
            checks => checks.Count.ShouldBe(concurrency.SymbolCount, "positions"),
            checks => checks.ShouldAllBe(check => check.Net == check.ExpectedNet, "net = on-chain buys − sells + filled hedges"),
            checks => checks.ShouldAllBe(check => check.FilledHedges != 0m, "every symbol was hedged at least once"));

    [Then("no symbol ever had two broker orders pending at once")]
    public void ThenNoSymbolEverHadTwoOrdersPending() =>
        concurrency.MostOrdersOpenAtOnce().Values.ShouldAllBe(most => most == 1, "the most orders open at once per symbol");

    [Then("every on-chain fill was applied exactly once")]
    public void ThenEveryFillWasAppliedExactlyOnce() =>
        concurrency.FillApplications().ShouldSatisfyAllConditions(
            applications => applications.Count.ShouldBe(concurrency.FillCount, "fills in the event log"),
            applications => applications.ShouldAllBe(application => application.TradesRecorded == 1 && application.PositionFills == 1, "each fill recorded once as a trade and once on its position"));
}
