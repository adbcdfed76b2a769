using Reqnroll;

namespace TradingBot.Acceptance.Conformance.Samples;

[Binding]
[Scope(Feature = "Ambiguous steps")]
public sealed class AmbiguousSample
{
    [Given("^a (.*?) with (.*?)$")]
    public void GivenAThingWithAnother(string thing, string other) { }

    [Given("^a step with (.*?)$")]
    public void GivenAStepWith(string what) { }
}
