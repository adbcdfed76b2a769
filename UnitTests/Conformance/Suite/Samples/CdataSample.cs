using Reqnroll;

namespace TradingBot.Acceptance.Conformance.Samples;

[Binding]
[Scope(Feature = "cdata")]
public sealed class CdataSample
{
    [Given("I have {int} <![CDATA[cukes]]> in my belly")]
    public void GivenIHaveCukesInMyBelly(int count) { }
}
