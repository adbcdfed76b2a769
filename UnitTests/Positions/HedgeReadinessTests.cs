using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Positions;

namespace TradingBot.Acceptance.UnitTests.Positions;

[TestFixture]
public sealed class HedgeReadinessTests
{
    private static readonly ExecutionThreshold OneShare = ExecutionThreshold.ForExecutor(SupportedExecutor.DryRun);

    [TestCase("DryRun", -1.2, "1.2", "Buy", TestName = "DryRun hedges the whole short net")]
    [TestCase("DryRun", 1.2, "1.2", "Sell", TestName = "DryRun hedges a long net by selling")]
    [TestCase("DryRun", -500, "500", "Buy", TestName = "DryRun hedges 500")]
    [TestCase("Schwab", -1.2, "1", "Buy", TestName = "Schwab truncates -1.2 to 1 share")]
    [TestCase("Schwab", 2.567, "2", "Sell", TestName = "Schwab truncates 2.567 to 2 shares")]
    public void A_position_over_the_threshold_is_hedged(string executor, decimal net, string shares, string direction)
    {
        var kind = Enum.Parse<SupportedExecutor>(executor);

        var decision = HedgeReadiness.Evaluate(PositionWith(net, ExecutionThreshold.ForExecutor(kind), 100m), kind);

        decision.ShouldBe(new HedgeDecision.Ready(FractionalShares.Parse(shares), Enum.Parse<Direction>(direction)));
        ((HedgeDecision.Ready)decision).Shares.ToString().ShouldBe(shares, "shares as stored");
    }

    [TestCase("DryRun", -0.5, TestName = "DryRun does not hedge -0.5")]
    [TestCase("DryRun", -0.001, TestName = "DryRun does not hedge -0.001")]
    [TestCase("DryRun", -0.999, TestName = "DryRun does not hedge -0.999")]
    [TestCase("Schwab", -0.999, TestName = "Schwab does not hedge -0.999")]
    public void A_position_below_the_threshold_is_not_hedged(string executor, decimal net)
    {
        var kind = Enum.Parse<SupportedExecutor>(executor);

        HedgeReadiness.Evaluate(PositionWith(net, ExecutionThreshold.ForExecutor(kind), 100m), kind).ShouldBeOfType<HedgeDecision.NotReady>();
    }

    [Test]
    public void Schwab_with_a_fractional_threshold_does_not_order_zero_whole_shares() =>
        HedgeReadiness.Evaluate(PositionWith(-0.7m, ExecutionThreshold.ForExecutor(SupportedExecutor.Schwab, 0.5m), 100m), SupportedExecutor.Schwab)
            .ShouldBeOfType<HedgeDecision.NotReady>().Reason.ShouldContain("no whole share");

    [TestCase(-0.02, 100, true, TestName = "Alpaca hedges $2.00 inclusive")]
    [TestCase(-0.019, 100, false, TestName = "Alpaca does not hedge $1.90")]
    [TestCase(-0.008, 250, true, TestName = "Alpaca uses the last price: 0.008 at $250")]
    public void Alpaca_needs_two_dollars_at_the_last_price(decimal net, decimal price, bool hedged)
    {
        var decision = HedgeReadiness.Evaluate(PositionWith(net, ExecutionThreshold.ForExecutor(SupportedExecutor.AlpacaBrokerApi), price), SupportedExecutor.AlpacaBrokerApi);

        if (hedged)
            decision.ShouldBe(new HedgeDecision.Ready(new FractionalShares(-net), Direction.Buy), $"decision for {net} at {price}");
        else
            decision.ShouldBeOfType<HedgeDecision.NotReady>($"decision for {net} at {price}");
    }

    [Test]
    public void Alpaca_without_a_price_does_not_hedge() =>
        HedgeReadiness.Evaluate(PositionWith(-5m, ExecutionThreshold.ForExecutor(SupportedExecutor.AlpacaBrokerApi), null), SupportedExecutor.AlpacaBrokerApi)
            .ShouldBeOfType<HedgeDecision.NotReady>();

    [Test]
    public void A_pending_execution_comes_first() =>
        HedgeReadiness.Evaluate(PositionWith(-2m, OneShare, 100m) with { PendingExecutionId = new ExecutionId(1) }, SupportedExecutor.DryRun)
            .ShouldBe(new HedgeDecision.NotReady("execution 1 is pending"));

    [TestCase(0, "ZeroDollarValue")]
    [TestCase(-1, "NegativeDollarValue")]
    public void A_dollar_threshold_must_be_positive(decimal amount, string expected)
    {
        ExecutionThreshold.TryDollarValue(amount, out var error).ShouldBeNull();
        error.ShouldBe(expected);
    }

    private static Position PositionWith(decimal net, ExecutionThreshold threshold, decimal? price) =>
        new(new Symbol("AAPL"), new FractionalShares(net), FractionalShares.Zero, FractionalShares.Zero, null, threshold,
            price is { } value ? new Usd(value) : null, new DateTimeOffset(2025, 1, 6, 15, 0, 0, TimeSpan.Zero));
}
