using Reqnroll;

namespace TradingBot.Acceptance.Conformance.Samples;

[Binding]
[Scope(Feature = "Usage of a `Rule`")]
public sealed class RulesSample
{
    private int money;
    private readonly Stack<string> stock = new();
    private string? chocolate;

    [Given("the customer has {int} cents")]
    public void GivenTheCustomerHasCents(int cents) => money = cents;

    [Given("there are chocolate bars in stock")]
    public void GivenThereAreChocolateBarsInStock() => stock.Push("Mars");

    [Given("there are no chocolate bars in stock")]
    public void GivenThereAreNoChocolateBarsInStock() => stock.Clear();

    [When("the customer tries to buy a {int} cent chocolate bar")]
    public void WhenTheCustomerTriesToBuyAChocolateBar(int price)
    {
        if (money >= price && stock.Count > 0)
            chocolate = stock.Pop();
    }

    [Then("the sale should not happen")]
    public void ThenTheSaleShouldNotHappen()
    {
        if (chocolate is not null)
            throw new InvalidOperationException("The sale happened.");
    }

    [Then("the sale should happen")]
    public void ThenTheSaleShouldHappen()
    {
        if (chocolate is null)
            throw new InvalidOperationException("The sale did not happen.");
    }
}
