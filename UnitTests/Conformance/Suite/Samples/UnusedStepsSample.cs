using Reqnroll;

namespace TradingBot.Acceptance.Conformance.Samples;

[Binding]
[Scope(Feature = "Unused steps")]
public sealed class UnusedStepsSample
{
    [Given("a step that is used")]
    public void GivenAStepThatIsUsed() { }

    [Given("a step that is not used")]
    public void GivenAStepThatIsNotUsed() { }
}
