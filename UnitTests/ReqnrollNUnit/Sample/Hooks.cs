using Reqnroll;

namespace TradingBot.Acceptance.Sample;

[Binding]
public sealed class Hooks(HookLog log, ScenarioContext scenario)
{
    [BeforeScenario(Order = 2)]
    public void Second() => log.Write($"before-2 {scenario.ScenarioInfo.Title}");

    [BeforeScenario(Order = 1)]
    public void First() => log.Write($"before-1 {scenario.ScenarioInfo.Title}");

    [AfterScenario]
    public void After() => log.Write($"after {scenario.ScenarioInfo.Title} {scenario.ScenarioExecutionStatus}");
}
