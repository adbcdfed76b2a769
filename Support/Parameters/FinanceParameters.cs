using System.Globalization;
using Reqnroll;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Support.TestData;

namespace TradingBot.Acceptance.Support.Parameters;

/// <summary>
/// The step parameters of the trading vocabulary, defined once: <c>{symbol}</c> AAPL, <c>{token}</c> tAAPL,
/// <c>{symbols}</c> AAPL, MSFT and NVDA, <c>{shares}</c> -1.2, <c>{usd}</c> $100.00, <c>{side}</c> buy / sell, <c>{broker}</c> dry-run / Schwab / Alpaca.
/// </summary>
[Binding]
public static class FinanceParameters
{
    [StepArgumentTransformation(@"([A-Z][A-Z0-9.]*)", Name = "symbol")]
    public static Symbol ToSymbol(string ticker)
    {
        var symbol = new Symbol(ticker);
        return ScenarioDefaults.KnownSymbols.Contains(symbol)
            ? symbol
            : throw new ArgumentException($"The bot does not know the symbol '{ticker}': use one of {string.Join(", ", ScenarioDefaults.KnownSymbols)}.", nameof(ticker));
    }

    /// <summary><c>{symbols}</c>: one or more known symbols, "GOOG and AMZN" or "AAPL, MSFT and NVDA".</summary>
    [StepArgumentTransformation(@"([A-Z][A-Z0-9.]*(?:, [A-Z][A-Z0-9.]*)*(?: and [A-Z][A-Z0-9.]*)?)", Name = "symbols")]
    public static SymbolList ToSymbols(string symbols) =>
        new([.. symbols.Replace(" and ", ", ", StringComparison.Ordinal).Split(", ").Select(ToSymbol)]);

    [StepArgumentTransformation(@"(t[A-Z][A-Z0-9.]*)", Name = "token")]
    public static TokenizedEquity ToToken(string tokenSymbol) => new(ToSymbol(Symbol.FromTokenSymbol(tokenSymbol).Value));

    [StepArgumentTransformation(@"(-?\d+(?:\.\d+)?)", Name = "shares")]
    public static FractionalShares ToShares(string quantity) => new(WrittenNumber.Read(quantity, "a quantity of shares"));

    [StepArgumentTransformation(@"(\$\d+(?:,\d{3})*(?:\.\d+)?)", Name = "usd")]
    public static Usd ToUsd(string amount) => new(WrittenNumber.Read(amount[1..].Replace(",", string.Empty, StringComparison.Ordinal), "an amount in dollars"));

    [StepArgumentTransformation("(buy|sell)", Name = "side")]
    public static Direction ToSide(string side) => side == "buy" ? Direction.Buy : Direction.Sell;

    [StepArgumentTransformation("(dry-run|Schwab|Alpaca)", Name = "broker")]
    public static SupportedExecutor ToBroker(string broker) => broker switch
    {
        "dry-run" => SupportedExecutor.DryRun,
        "Schwab" => SupportedExecutor.Schwab,
        "Alpaca" => SupportedExecutor.AlpacaBrokerApi,
        _ => throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"'{broker}' is not a broker: use dry-run, Schwab or Alpaca."), nameof(broker)),
    };
}
