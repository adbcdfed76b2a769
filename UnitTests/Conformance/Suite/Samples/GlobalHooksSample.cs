using Reqnroll;

namespace TradingBot.Acceptance.Conformance.Samples;

// Test-run hooks have no feature to match a scope against: a class-level scope would keep them from running.
[Binding]
public sealed class GlobalHooksSample
{
    [BeforeTestRun(Order = 1)]
    public static void FirstBeforeAll() { }

    [BeforeTestRun(Order = 2)]
    public static void SecondBeforeAll() { }

    [AfterTestRun(Order = 1)]
    public static void FirstAfterAll() { }

    [AfterTestRun(Order = 2)]
    public static void SecondAfterAll() { }

    [When("a step passes")]
    [Scope(Feature = "Global hooks")]
    public void WhenAStepPasses() { }

    [When("a step fails")]
    [Scope(Feature = "Global hooks")]
    public void WhenAStepFails() => throw new InvalidOperationException("Exception in step");
}
