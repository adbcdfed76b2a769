using Reqnroll;

namespace TradingBot.Acceptance.Conformance.Samples;

[Binding]
[Scope(Feature = "Pending steps")]
public sealed class PendingSample
{
    [Given("an implemented non-pending step")]
    public void GivenAnImplementedNonPendingStep() { }

    [Given("an implemented step that is skipped")]
    public void GivenAnImplementedStepThatIsSkipped() { }

    [Given("an unimplemented pending step")]
    public void GivenAnUnimplementedPendingStep() => throw new PendingStepException();
}
