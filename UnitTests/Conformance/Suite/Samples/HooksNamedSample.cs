using Reqnroll;

namespace TradingBot.Acceptance.Conformance.Samples;

/// <summary>Reqnroll hooks have no names: the conformance comparison leaves hook names out.</summary>
[Binding]
[Scope(Feature = "Hooks - Named")]
public sealed class HooksNamedSample
{
    [BeforeScenario]
    public void ANamedBeforeHook() { }

    [AfterScenario]
    public void ANamedAfterHook() { }

    [When("a step passes")]
    public void WhenAStepPasses() { }
}
