using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Support.Parameters;

namespace TradingBot.Acceptance.UnitTests.Support;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class FinanceParametersTests
{
    [TestCase("AAPL", new[] { "AAPL" })]
    [TestCase("GOOG and AMZN", new[] { "GOOG", "AMZN" })]
    [TestCase("AAPL, MSFT and NVDA", new[] { "AAPL", "MSFT", "NVDA" })]
    [TestCase("TSLA, META, NFLX and COIN", new[] { "TSLA", "META", "NFLX", "COIN" })]
    public void A_list_of_one_or_more_known_symbols_reads_in_order(string text, string[] tickers) =>
        FinanceParameters.ToSymbols(text).Symbols.ShouldBe([.. tickers.Select(ticker => new Symbol(ticker))]);

    [Test]
    public void An_unknown_symbol_is_refused_with_the_known_ones()
    {
        var refused = Should.Throw<ArgumentException>(() => FinanceParameters.ToSymbols("AAPL and XYZQ"));

        refused.Message.ShouldStartWith(
            "The bot does not know the symbol 'XYZQ': use one of AAPL, MSFT, NVDA, TSLA, GOOG, GOOGL, AMZN, META, NFLX, AMD, COIN, SPLG.");
    }

    [Test]
    public void An_unknown_token_is_refused_with_the_known_symbols() =>
        Should.Throw<ArgumentException>(() => FinanceParameters.ToToken("tXYZ")).Message
            .ShouldStartWith("The bot does not know the symbol 'XYZ': use one of AAPL, MSFT,");

    [TestCase("1.1234567890123456789", "'1.1234567890123456789' has 19 decimals: a quantity of shares is written with at most 18.")]
    [TestCase("99999999999999999999999999999", "'99999999999999999999999999999' is too large for a quantity of shares: the largest is 79228162514264337593543950335.")]
    public void A_quantity_the_bot_cannot_hold_exactly_is_refused_with_the_value_and_the_rule(string written, string message) =>
        Should.Throw<ArgumentException>(() => FinanceParameters.ToShares(written)).Message.ShouldStartWith(message);

    [TestCase("$1.1234567890123456789", "'1.1234567890123456789' has 19 decimals: an amount in dollars is written with at most 18.")]
    [TestCase("$99,999,999,999,999,999,999,999,999,999", "'99999999999999999999999999999' is too large for an amount in dollars")]
    public void An_amount_the_bot_cannot_hold_exactly_is_refused_with_the_value_and_the_rule(string written, string message) =>
        Should.Throw<ArgumentException>(() => FinanceParameters.ToUsd(written)).Message.ShouldStartWith(message);

    [TestCase("0.000000000000000001", "0.000000000000000001")]
    [TestCase("-1.25", "-1.25")]
    public void Quantities_up_to_eighteen_decimals_read_exactly(string written, string expected) =>
        FinanceParameters.ToShares(written).Value.ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
}
