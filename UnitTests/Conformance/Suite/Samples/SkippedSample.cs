using Reqnroll;
using Reqnroll.UnitTestProvider;

namespace TradingBot.Acceptance.Conformance.Samples;

[Binding]
[Scope(Feature = "Skipping scenarios")]
public sealed class SkippedSample(IUnitTestRuntimeProvider unitTestRuntime)
{
    [Given("a step that does not skip")]
    public void GivenAStepThatDoesNotSkip() { }

    [Given("a step that is skipped")]
    public void GivenAStepThatIsSkipped() { }

    [Given("I skip a step")]
    public void GivenISkipAStep() => unitTestRuntime.TestIgnore("skipped");
}
