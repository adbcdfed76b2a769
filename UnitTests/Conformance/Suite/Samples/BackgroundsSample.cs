using Reqnroll;

namespace TradingBot.Acceptance.Conformance.Samples;

[Binding]
[Scope(Feature = "Backgrounds")]
public sealed class BackgroundsSample
{
    [Given("an order for {string}")]
    public void GivenAnOrderFor(string item) { }

    [When("an action")]
    public void WhenAnAction() { }

    [Then("an outcome")]
    public void ThenAnOutcome() { }
}
