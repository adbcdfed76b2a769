using Reqnroll;
using Shouldly;

namespace TradingBot.Acceptance.Sample;

/// <summary>Scenario-scoped: every scenario gets its own instance, logged when disposed.</summary>
[Binding]
public sealed class CalculatorSteps(HookLog log, ScenarioContext scenario, CalculatorLog calculatorLog) : IDisposable
{
    private int? result;

    [Given("the number {int}")]
    public void GivenTheNumber(int number)
    {
        result.ShouldBeNull("a fresh scenario starts without a result");
        result = number;
        calculatorLog.Record("start", number);
    }

    [When("{int} is added")]
    public void WhenAdded(int number)
    {
        result += number;
        calculatorLog.Record("add", number);
    }

    [Then("the result is {int}")]
    public void ThenTheResultIs(int expected) => result.ShouldBe(expected);

    public void Dispose() => log.Write($"dispose {scenario.ScenarioInfo.Title}");
}
