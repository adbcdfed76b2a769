using Reqnroll;

namespace TradingBot.Acceptance.Conformance.Samples;

// The tags scope the hooks; a class-level scope would add a second, untagged scope to each of them.
[Binding]
public sealed class HooksConditionalSample
{
    [BeforeScenario("passing-hook")]
    public void PassingBefore() { }

    [BeforeScenario("fail-before")]
    public void FailingBefore() => throw new InvalidOperationException("Exception in conditional hook");

    [AfterScenario("fail-after")]
    public void FailingAfter() => throw new InvalidOperationException("Exception in conditional hook");

    [AfterScenario("passing-hook")]
    public void PassingAfter() { }

    [When("a step passes")]
    [Scope(Feature = "Hooks - Conditional execution")]
    public void WhenAStepPasses() { }
}
