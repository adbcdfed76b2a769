using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Support.TestData;

namespace TradingBot.Acceptance.Support.Contexts;

/// <summary>
/// The USDC price each symbol's next on-chain fills carry: the scenario price of DOMAIN §2
/// (<see cref="ScenarioDefaults.ScenarioPriceOf"/>) until "the last AAPL price is $X" says otherwise.
/// </summary>
public sealed class PriceContext
{
    private readonly Dictionary<Symbol, Usd> prices = [];

    public void Set(Symbol symbol, Usd price)
    {
        if (price.Value <= 0m)
            throw new ArgumentOutOfRangeException(nameof(price), price, $"The last {symbol} price must be more than $0, was ${price}.");
        prices[symbol] = price;
    }

    public Usd Of(Symbol symbol) => prices.GetValueOrDefault(symbol, ScenarioDefaults.ScenarioPriceOf(symbol));
}
