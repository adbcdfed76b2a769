using Reqnroll;

namespace TradingBot.Acceptance.Conformance.Samples;

[Binding]
[Scope(Feature = "Hooks - With Undefined Steps")]
public sealed class HooksUndefinedSample
{
    [BeforeScenario]
    public void Before() { }

    [AfterScenario]
    public void After() { }
}
