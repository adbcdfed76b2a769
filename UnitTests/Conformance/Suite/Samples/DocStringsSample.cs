using Reqnroll;

namespace TradingBot.Acceptance.Conformance.Samples;

[Binding]
[Scope(Feature = "Doc strings")]
public sealed class DocStringsSample
{
    [Given("a doc string:")]
    public void GivenADocString(string docString) { }
}
