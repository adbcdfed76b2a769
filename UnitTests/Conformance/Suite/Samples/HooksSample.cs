using Reqnroll;

namespace TradingBot.Acceptance.Conformance.Samples;

[Binding]
[Scope(Feature = "Hooks")]
public sealed class HooksSample
{
    [BeforeScenario]
    public void Before() { }

    [AfterScenario]
    public void After() { }

    [When("a step passes")]
    public void WhenAStepPasses() { }

    [When("a step fails")]
    public void WhenAStepFails() => throw new InvalidOperationException("Exception in step");
}
