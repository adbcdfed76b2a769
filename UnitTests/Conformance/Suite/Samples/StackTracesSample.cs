using Reqnroll;

namespace TradingBot.Acceptance.Conformance.Samples;

[Binding]
[Scope(Feature = "Stack traces")]
public sealed class StackTracesSample
{
    [When("a step throws an exception")]
    public void WhenAStepThrowsAnException() => throw new InvalidOperationException("BOOM");
}
