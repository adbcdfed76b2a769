using Reqnroll;

namespace TradingBot.Acceptance.Conformance.Samples;

[Binding]
[Scope(Feature = "minimal")]
public sealed class MinimalSample
{
    [Given("I have {int} cukes in my belly")]
    public void GivenIHaveCukesInMyBelly(int count) { }
}
