using Reqnroll;

namespace TradingBot.Acceptance.Conformance.Samples;

[Binding]
[Scope(Feature = "Hooks - Attachments")]
public sealed class HooksAttachmentSample(IReqnrollOutputHelper output)
{
    [BeforeScenario]
    public void Before() => output.AddAttachment(SampleFiles.PathOf("hooks-attachment", "cucumber.svg"));

    [AfterScenario]
    public void After() => output.AddAttachment(SampleFiles.PathOf("hooks-attachment", "cucumber.svg"));

    [When("a step passes")]
    public void WhenAStepPasses() { }
}
