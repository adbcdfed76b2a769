using Reqnroll;

namespace TradingBot.Acceptance.Conformance.Samples;

[Binding]
[Scope(Feature = "Examples Tables - With Undefined Steps")]
public sealed class ExamplesTablesUndefinedSample
{
    private int count;

    [Given("there are {int} cucumbers")]
    public void GivenThereAreCucumbers(int initialCount) => count = initialCount;

    [When("I eat {int} cucumbers")]
    public void WhenIEatCucumbers(int eaten) => count -= eaten;

    [Then("I should have {int} cucumbers")]
    public void ThenIShouldHaveCucumbers(int expected) => Expect(expected, count);

    private static void Expect(int expected, int actual)
    {
        if (expected != actual)
            throw new InvalidOperationException($"Expected values to be strictly equal:\n\n{actual} !== {expected}\n");
    }
}
