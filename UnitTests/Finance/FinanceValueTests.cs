using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.UnitTests.Finance;

/// <summary>The money and share values every rule compares: their order, their sign and what they refuse.</summary>
[TestFixture]
public sealed class FinanceValueTests
{
    [Test]
    public void Shares_order_by_quantity_and_negate_to_the_opposite_side()
    {
        var less = new FractionalShares(-1.2m);
        var more = new FractionalShares(0.5m);
        var sameAsLess = new FractionalShares(-1.20m);

        bool[] comparisons = [less < more, more < less, less <= sameAsLess, more <= less];
        comparisons.ShouldBe([true, false, true, false], "<, <=");
        (-less).ShouldBe(new FractionalShares(1.2m), "a sell of 1.2 negated");
        new[] { more, less, FractionalShares.Zero }.Order().ToList().ShouldBe([less, FractionalShares.Zero, more], "shares sorted");
    }

    [Test]
    public void Dollars_order_by_amount()
    {
        var cheap = new Usd(1.99m);
        var dear = new Usd(2.00m);
        var sameAsCheap = new Usd(1.990m);

        bool[] comparisons = [cheap < dear, dear > cheap, dear <= cheap, cheap <= sameAsCheap];
        comparisons.ShouldBe([true, true, false, true], "<, >, <=");
        new[] { dear, cheap }.Order().ToList().ShouldBe([cheap, dear], "amounts sorted");
    }

    [TestCase("", "must not be empty")]
    [TestCase("aapl", "is not a ticker")]
    [TestCase("AA PL", "is not a ticker")]
    public void A_symbol_refuses_what_is_not_a_ticker(string text, string reason) =>
        Should.Throw<ArgumentException>(() => new Symbol(text)).Message.ShouldContain(reason);

    [Test]
    public void Directions_and_broker_ids_read_as_the_broker_and_the_database_write_them()
    {
        (Direction.Buy.ToSql(), Direction.Sell.ToSql()).ShouldBe(("BUY", "SELL"));
        new BrokerOrderId("TEST_7").ToString().ShouldBe("TEST_7");
    }
}
