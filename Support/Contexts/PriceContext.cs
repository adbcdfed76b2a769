using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Support.Contexts;

/// <summary>
/// The USDC price each symbol's next on-chain fills carry (DOMAIN §7): $100 for AAPL, $200 for MSFT and
/// $100 for others, until "the last AAPL price is $X" says otherwise.
/// </summary>
public sealed class PriceContext
{
    private static readonly Usd DefaultPrice = new(100m);

    private readonly Dictionary<Symbol, Usd> prices = new()
    {
        [new Symbol("AAPL")] = new Usd(100m),
        [new Symbol("MSFT")] = new Usd(200m),
    };

    public void Set(Symbol symbol, Usd price)
    {
        if (price.Value <= 0m)
            throw new ArgumentOutOfRangeException(nameof(price), price, $"The last {symbol} price must be more than $0, was ${price}.");
        prices[symbol] = price;
    }

    public Usd Of(Symbol symbol) => prices.GetValueOrDefault(symbol, DefaultPrice);
}
