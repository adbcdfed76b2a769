using Reqnroll;

namespace TradingBot.Acceptance.Conformance.Samples;

[Binding]
[Scope(Feature = "Examples Tables")]
public sealed class ExamplesTablesSample
{
    private int count;
    private int friends;

    [Given("there are {int} cucumbers")]
    public void GivenThereAreCucumbers(int initialCount) => count = initialCount;

    [Given("there are {int} friends")]
    public void GivenThereAreFriends(int initialFriends) => friends = initialFriends;

    [When("I eat {int} cucumbers")]
    public void WhenIEatCucumbers(int eaten) => count -= eaten;

    [Then("I should have {int} cucumbers")]
    public void ThenIShouldHaveCucumbers(int expected) => Expect(expected, count);

    [Then("each person can eat {int} cucumbers")]
    public void ThenEachPersonCanEatCucumbers(int expectedShare) => Expect(expectedShare, count / (1 + friends));

    private static void Expect(int expected, int actual)
    {
        if (expected != actual)
            throw new InvalidOperationException($"Expected values to be strictly equal:\n\n{actual} !== {expected}\n");
    }
}
