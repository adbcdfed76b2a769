using Reqnroll;

namespace TradingBot.Acceptance.Conformance.Samples;

[Binding]
[Scope(Feature = "Undefined steps")]
public sealed class UndefinedSample
{
    [Given("an implemented step")]
    public void GivenAnImplementedStep() { }

    [Given("a step that will be skipped")]
    public void GivenAStepThatWillBeSkipped() { }
}
