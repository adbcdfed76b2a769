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
}
