using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OnChainTrades;
using TradeDecision = TradingBot.Acceptance.Domain.EventSourcing.Decision<
    TradingBot.Acceptance.Domain.OnChainTrades.OnChainTradeEvent,
    TradingBot.Acceptance.Domain.OnChainTrades.OnChainTradeError>;

namespace TradingBot.Acceptance.UnitTests.OnChainTrades;

[TestFixture]
public sealed class OnChainTradeTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 6, 15, 0, 0, TimeSpan.Zero);
    private static readonly string Hash = "0x" + new string('b', 64);
    private static readonly OnChainTradeAggregate Aggregate = new();

    [Test]
    public void A_trade_is_witnessed_once_and_enriched_once()
    {
        var witness = new OnChainTradeCommand.Witness(new Symbol("AAPL"), new FractionalShares(0.5m), Direction.Sell, new Usd(100m), 12, Now.AddMinutes(-1));
        var filled = OnChainTradeDecider.Decide(null, witness, Now).ShouldBeOfType<TradeDecision.Accepted>().Events.ShouldHaveSingleItem();
        var trade = Aggregate.Evolve(null, filled);
        var enrich = new OnChainTradeCommand.Enrich(21000, new PythPrice(10012345, -5, 2000, Now));

        OnChainTradeDecider.Decide(trade, witness, Now).ShouldBe(new TradeDecision.Rejected(new OnChainTradeError.AlreadyFilled()));
        OnChainTradeDecider.Decide(null, enrich, Now).ShouldBe(new TradeDecision.Rejected(new OnChainTradeError.NotFilled()));
        var enriched = Aggregate.Evolve(trade, OnChainTradeDecider.Decide(trade, enrich, Now).ShouldBeOfType<TradeDecision.Accepted>().Events.ShouldHaveSingleItem());
        OnChainTradeDecider.Decide(enriched, enrich, Now).ShouldBe(new TradeDecision.Rejected(new OnChainTradeError.AlreadyEnriched()));
    }

    [Test]
    public void A_valid_fill_reads_the_base_symbol_from_the_token()
    {
        var fill = OnChainFill.Create(Hash, 3, "tAAPL", 0.6m, Direction.Sell, 100m, 12, Now).ShouldBeOfType<FillValidation.Valid>().Fill;

        (fill.TradeId.ToString(), fill.Symbol, fill.Amount.Value).ShouldBe(($"{Hash}:3", new Symbol("AAPL"), 0.6m));
    }

    [TestCase("0xABC", "tAAPL", 1, 100, "tx_hash", "MalformedHash", TestName = "A short hash is refused")]
    [TestCase("0xBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB", "tAAPL", 1, 100, "tx_hash", "MalformedHash", TestName = "An upper-case hash is refused")]
    [TestCase(null, "", 1, 100, "token_symbol", "EmptySymbolError", TestName = "An empty token symbol is refused")]
    [TestCase(null, "AAPL", 1, 100, "token_symbol", "InvalidSymbolConfiguration", TestName = "A ticker without t is refused")]
    [TestCase(null, "USDC", 1, 100, "token_symbol", "InvalidSymbolConfiguration", TestName = "USDC is not an equity")]
    [TestCase(null, "AAPL0x", 1, 100, "token_symbol", "InvalidSymbolConfiguration", TestName = "A suffix form is refused")]
    [TestCase(null, "tAAPL", 0, 100, "amount", "NonPositive", TestName = "A zero amount is refused")]
    [TestCase(null, "tAAPL", -1, 100, "amount", "NonPositive", TestName = "A negative amount is refused")]
    [TestCase(null, "tAAPL", 1, 0, "price_usdc", "NonPositive", TestName = "A zero price is refused")]
    public void A_bad_fill_is_refused_naming_the_field(string? hash, string token, decimal amount, decimal price, string field, string code)
    {
        var error = OnChainFill.Create(hash ?? Hash, 0, token, amount, Direction.Sell, price, 12, Now).ShouldBeOfType<FillValidation.Invalid>().Error;

        (error.Field, error.Code).ShouldBe((field, code));
    }
}
