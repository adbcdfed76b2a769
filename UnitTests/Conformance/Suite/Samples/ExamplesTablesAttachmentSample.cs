using Reqnroll;

namespace TradingBot.Acceptance.Conformance.Samples;

[Binding]
[Scope(Feature = "Examples Tables - With attachments")]
public sealed class ExamplesTablesAttachmentSample(IReqnrollOutputHelper output)
{
    [When("a JPEG image is attached")]
    public void WhenAJpegImageIsAttached() => output.AddAttachment(SampleFiles.PathOf("examples-tables-attachment", "cucumber.jpeg"));

    [When("a PNG image is attached")]
    public void WhenAPngImageIsAttached() => output.AddAttachment(SampleFiles.PathOf("examples-tables-attachment", "cucumber.png"));
}
