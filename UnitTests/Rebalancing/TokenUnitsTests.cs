using System.Globalization;
using System.Numerics;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Rebalancing;

namespace TradingBot.Acceptance.UnitTests.Rebalancing;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class TokenUnitsTests
{
    [Test]
    public void Usdc_has_6_decimals_and_truncates()
    {
        TokenUnits.FromUsdc(400m).ShouldBe((new BigInteger(400_000_000), (TokenUnitsError?)null));
        TokenUnits.FromUsdc(0.0000019m).ShouldBe((BigInteger.One, (TokenUnitsError?)null), "truncated, not rounded");
        TokenUnits.FromUsdc(-1m).Error.ShouldBe(new TokenUnitsError.Negative(-1m));
        TokenUnits.ToUsdc(399_960_000).ShouldBe(399.96m);
        TokenUnits.ToUsdc(399_960_000).ToString(CultureInfo.InvariantCulture).ShouldBe("399.96");
    }

    [Test]
    public void Equities_have_18_decimals_exactly()
    {
        TokenUnits.FromShares(30.5m).Units.ShouldBe(BigInteger.Parse("30500000000000000000", CultureInfo.InvariantCulture));
        TokenUnits.FromShares(0m).ShouldBe((BigInteger.Zero, (TokenUnitsError?)null));
        TokenUnits.FromShares(0.000000000000000001m).Units.ShouldBe(BigInteger.One);
        TokenUnits.FromShares(-0.5m).Error.ShouldBe(new TokenUnitsError.Negative(-0.5m));
        TokenUnits.FromShares(0.0000000000000000001m).Error.ShouldBe(new TokenUnitsError.Underflow(0.0000000000000000001m));
        TokenUnits.FromShares(1.0000000000000000001m).Error.ShouldBe(new TokenUnitsError.PrecisionLoss(1.0000000000000000001m, 18));
    }
}
