using System.Numerics;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Chain;

namespace TradingBot.Acceptance.UnitTests.Chain;

[TestFixture]
public sealed class RainFloatTests
{
    [TestCase("0xffffffff00000000000000000000000000000000000000000000000000000005", "5", -1, "0.5", TestName = "0.5 is (5, -1), FLOAT_HALF")]
    [TestCase("0xffffffff0000000000000000000000000000000000000000000000000000000c", "12", -1, "1.2", TestName = "1.2 is (12, -1)")]
    [TestCase("0x0000000000000000000000000000000000000000000000000000000000000001", "1", 0, "1", TestName = "1 is (1, 0)")]
    [TestCase("0xfffffffa00000000000000000000000000000000000000000000000005f5e100", "100000000", -6, "100", TestName = "100 is (100000000, -6)")]
    [TestCase("0xffffffee00000000000000000000000000000000000000007ce66c50e2840000", "9000000000000000000", -18, "9", TestName = "9 is (9e18, -18)")]
    [TestCase("0xfffffffe0000000000000000000000000000000000000000000000000002d3b1", "185265", -2, "1852.65", TestName = "1852.65 is (185265, -2)")]
    public void A_worked_example_decodes_and_encodes_to_the_same_word(string word, string coefficient, int exponent, string value)
    {
        var decoded = RainFloat.FromWord(HexQuantity.ParseData(word));

        decoded.ShouldBe(new RainFloat(BigInteger.Parse(coefficient, System.Globalization.CultureInfo.InvariantCulture), exponent));
        decoded.ToDecimal(18).ShouldBe(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
        HexQuantity.Data(decoded.ToWord()).ShouldBe(word);
    }

    [Test]
    public void Minus_one_and_a_half_decodes_but_is_refused_as_an_amount()
    {
        var word = HexQuantity.ParseData("0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff1");
        var decoded = RainFloat.FromWord(word);

        decoded.ShouldBe(new RainFloat(-15, -1));
        HexQuantity.Data(decoded.ToWord()).ShouldBe("0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff1");
        Should.Throw<UnreadableLogException>(() => decoded.ToDecimal(6)).Message.ShouldContain("negative Float");
    }

    [Test]
    public void Conversion_truncates_toward_zero_and_never_rounds()
    {
        new RainFloat(123456789, -8).ToFixedDecimal(6).ShouldBe(new BigInteger(1234567));
        new RainFloat(123456789, -8).ToDecimal(6).ShouldBe(1.234567m);
        new RainFloat(19999999, -7).ToDecimal(6).ShouldBe(1.999999m);
    }

    [Test]
    public void Words_that_differ_can_hold_the_same_value()
    {
        var five = new[] { new RainFloat(5, 0), new RainFloat(50, -1), new RainFloat(5000, -3) };

        five.Select(value => value.ToDecimal(18)).ShouldAllBe(value => value == 5m);
        five.Select(value => HexQuantity.Data(value.ToWord())).Distinct().Count().ShouldBe(3);
    }

    [Test]
    public void Zero_tiny_and_large_exponents_follow_the_rule()
    {
        RainFloat.FromWord(new byte[32]).ToDecimal(18).ShouldBe(0m);
        new RainFloat(7, -100).ToFixedDecimal(18).ShouldBe(BigInteger.Zero);
        new RainFloat(3, 2).ToFixedDecimal(6).ShouldBe(new BigInteger(300_000_000));
        Should.Throw<UnreadableLogException>(() => new RainFloat(1, 80).ToFixedDecimal(0)).Message.ShouldContain("does not fit 256 bits");
    }

    [Test]
    public void A_decimal_becomes_its_exact_digits()
    {
        RainFloat.FromDecimal(205.85m).ShouldBe(new RainFloat(20585, -2));
        RainFloat.FromDecimal(-1.5m).ShouldBe(new RainFloat(-15, -1));
        RainFloat.FromDecimal(0.000000000000000001m).ToDecimal(18).ShouldBe(0.000000000000000001m);
    }

    [Test]
    public void A_word_of_the_wrong_length_is_unreadable() =>
        Should.Throw<UnreadableLogException>(() => RainFloat.FromWord(new byte[31])).Message.ShouldContain("31");
}
