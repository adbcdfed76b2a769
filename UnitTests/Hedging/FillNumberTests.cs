using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.OnChainTrades;

namespace TradingBot.Acceptance.UnitTests.Hedging;

/// <summary>A queued fill's quantity and price are read exactly, or refused naming the field, the value and the rule.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class FillNumberTests
{
    [TestCase("0.123456789012345678")]
    [TestCase("1.5")]
    [TestCase("79228162514264337593543950335")]
    public void A_plain_quantity_with_at_most_18_decimals_is_read_exactly(string amount) =>
        Fill(amount, "100").ShouldBeOfType<FillValidation.Valid>().Fill.Amount.ToString().ShouldBe(amount);

    [Test]
    public void A_negative_quantity_is_read_and_refused_as_not_positive() =>
        Fill("-2", "100").ShouldBeOfType<FillValidation.Invalid>().Error.ToString().ShouldBe("amount: must be greater than 0, was -2 (NonPositive)");

    [TestCase("0.1234567890123456789", "amount: must have at most 18 decimals, was '0.1234567890123456789' (19 decimals) (TooPrecise)")]
    [TestCase("123456789012345678901234567890", "amount: must be at most 79228162514264337593543950335, was '123456789012345678901234567890' (Overflow)")]
    [TestCase("$abc", "amount: must be a decimal number such as 1.25, was '$abc' (NotANumber)")]
    [TestCase("1e3", "amount: must be a decimal number such as 1.25, was '1e3' (NotANumber)")]
    [TestCase("1.", "amount: must be a decimal number such as 1.25, was '1.' (NotANumber)")]
    public void A_quantity_that_is_not_exact_is_refused_naming_the_field_the_value_and_the_rule(string amount, string error) =>
        Fill(amount, "100").ShouldBeOfType<FillValidation.Invalid>().Error.ToString().ShouldBe(error);

    [Test]
    public void A_price_is_held_to_the_same_rule() =>
        Fill("1", "$100").ShouldBeOfType<FillValidation.Invalid>().Error.ToString()
            .ShouldBe("price_usdc: must be a decimal number such as 1.25, was '$100' (NotANumber)");

    private static FillValidation Fill(string amount, string price) =>
        FillEventData.Read(new ChainEvent("0x" + new string('a', 64), 0, 100, DateTimeOffset.UnixEpoch,
            $$"""{"token_symbol":"tAAPL","amount":"{{amount}}","direction":"Sell","price_usdc":"{{price}}"}"""));
}
