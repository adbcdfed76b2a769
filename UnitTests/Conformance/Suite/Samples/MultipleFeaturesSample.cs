using Reqnroll;

namespace TradingBot.Acceptance.Conformance.Samples;

[Binding]
[Scope(Feature = "First feature")]
[Scope(Feature = "Second feature")]
[Scope(Feature = "Third feature")]
public sealed class MultipleFeaturesSample
{
    [Given("an order for {string}")]
    public void GivenAnOrderFor(string item) { }
}
