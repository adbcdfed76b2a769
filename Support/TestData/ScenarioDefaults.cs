using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Support.TestData;

/// <summary>
/// The defaults DOMAIN.md gives scenarios, in one place: the symbols the bot knows and their prices (§2),
/// the dry-run fill price (§9.5) and Circle's fast-transfer fee (§7.6, §9.3). Simulators answer from these
/// and from what the bot asked; no simulator knows a scenario's amounts.
/// </summary>
public static class ScenarioDefaults
{
    /// <summary>The scenarios' universe of symbols (§2): what the bot hedges unless a step adds more.</summary>
    public static readonly IReadOnlyList<Symbol> KnownSymbols =
        [.. new[] { "AAPL", "MSFT", "NVDA", "TSLA", "GOOG", "GOOGL", "AMZN", "META", "NFLX", "AMD", "COIN", "SPLG" }.Select(ticker => new Symbol(ticker))];

    /// <summary>What the dry-run broker fills every order at (§9.5).</summary>
    public const decimal DryRunFillPrice = 100.00m;

    /// <summary>Circle's minimum fee for a fast transfer (finality 1000), in basis points (§7.6).</summary>
    public const decimal FastTransferFeeBps = 1m;

    /// <summary>The finality thresholds Circle quotes fees for: fast, then standard (§9.3).</summary>
    public const int FastFinality = 1000;

    public const int StandardFinality = 2000;

    /// <summary>The USDC price of a symbol's on-chain fills unless a step sets one (§2): MSFT $200.00, others $100.00.</summary>
    public static Usd ScenarioPriceOf(Symbol symbol) => new(symbol.Value == "MSFT" ? 200.00m : 100.00m);
}
