using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Rebalancing;

namespace TradingBot.Acceptance.UnitTests.Rebalancing;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ImbalanceDetectionTests
{
    private static AssetInventory Holding(decimal onchain, decimal offchain) => new(new(onchain, 0m), new(offchain, 0m), null);

    [TestCase(19, 80, "30.5", TestName = "19 on-chain, 80 at the broker mints 30.5")]
    [TestCase(29, 71, "21", TestName = "29/71 mints 21")]
    public void Too_little_on_chain_asks_for_the_excess(decimal onchain, decimal offchain, string excess) =>
        ImbalanceDetection.Detect(Holding(onchain, offchain), RebalancingThreshold.EquityDefault)
            .ShouldBeOfType<Imbalance.TooMuchOffchain>().Excess.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe(excess);

    [TestCase(80, 20, "30")]
    [TestCase(71, 29, "21")]
    public void Too_much_on_chain_asks_for_the_excess(decimal onchain, decimal offchain, string excess) =>
        ImbalanceDetection.Detect(Holding(onchain, offchain), RebalancingThreshold.EquityDefault)
            .ShouldBeOfType<Imbalance.TooMuchOnchain>().Excess.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe(excess);

    [TestCase(50, 50, TestName = "50/50 is on target")]
    [TestCase(30, 70, TestName = "30/70 is on the lower edge: bounds are strict")]
    [TestCase(70, 30, TestName = "70/30 is on the upper edge: bounds are strict")]
    [TestCase(0, 0, TestName = "Nothing held")]
    public void Inside_the_band_nothing_moves(decimal onchain, decimal offchain) =>
        ImbalanceDetection.Detect(Holding(onchain, offchain), RebalancingThreshold.EquityDefault).ShouldBeNull();

    [Test]
    public void Anything_in_flight_blocks_detection() =>
        ImbalanceDetection.Detect(new AssetInventory(new(0m, 0m), new(100m, 0.000001m), null), RebalancingThreshold.EquityDefault)
            .ShouldBeNull();

    [Test]
    public void Usdc_moves_400_both_ways_with_the_excess_normalized()
    {
        var alpacaToBase = ImbalanceDetection.DetectUsdc(Holding(100m, 900m), RebalancingThreshold.UsdcDefault)
            .ShouldBeOfType<Imbalance.TooMuchOffchain>();
        alpacaToBase.Excess.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("400", "0.5 × 1000 − 100 printed without trailing zeros");
        ImbalanceDetection.DetectUsdc(Holding(900m, 100m), RebalancingThreshold.UsdcDefault)
            .ShouldBeOfType<Imbalance.TooMuchOnchain>().Excess.ShouldBe(400m);
    }

    [Test]
    public void Usdc_350_on_chain_and_650_at_Alpaca_moves_only_with_a_narrow_band()
    {
        ImbalanceDetection.DetectUsdc(Holding(350m, 650m), new RebalancingThreshold(0.5m, 0.4m)).ShouldBeNull("deviation 0.4");
        ImbalanceDetection.DetectUsdc(Holding(350m, 650m), new RebalancingThreshold(0.5m, 0.1m))
            .ShouldBeOfType<Imbalance.TooMuchOffchain>().Excess.ShouldBe(150m, "deviation 0.1");
    }

    [TestCase(450, 550, 0.01, TestName = "450/550 with deviation 0.01 needs 50, under the 51 minimum")]
    [TestCase(0, 100, 0.3, TestName = "0/100 needs 50, under the 51 minimum")]
    public void Moves_from_Alpaca_under_51_dollars_are_skipped(decimal onchain, decimal offchain, decimal deviation)
    {
        ImbalanceDetection.Detect(Holding(onchain, offchain), new RebalancingThreshold(0.5m, deviation))
            .ShouldBeOfType<Imbalance.TooMuchOffchain>().Excess.ShouldBe(50m, "the imbalance exists");
        ImbalanceDetection.DetectUsdc(Holding(onchain, offchain), new RebalancingThreshold(0.5m, deviation)).ShouldBeNull("but it is under $51");
    }

    [Test]
    public void The_51_dollar_minimum_is_inclusive_and_only_for_Alpaca_to_Base()
    {
        ImbalanceDetection.DetectUsdc(Holding(0m, 102m), RebalancingThreshold.UsdcDefault)
            .ShouldBeOfType<Imbalance.TooMuchOffchain>().Excess.ShouldBe(51m);
        ImbalanceDetection.DetectUsdc(Holding(100m, 0m), RebalancingThreshold.UsdcDefault)
            .ShouldBeOfType<Imbalance.TooMuchOnchain>().Excess.ShouldBe(50m, "no minimum from Base to Alpaca");
    }
}
