using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OnChainTrades;
using TradingBot.Acceptance.Domain.Positions;
using PositionDecision = TradingBot.Acceptance.Domain.EventSourcing.Decision<
    TradingBot.Acceptance.Domain.Positions.PositionEvent,
    TradingBot.Acceptance.Domain.Positions.PositionError>;

namespace TradingBot.Acceptance.UnitTests.Positions;

[TestFixture]
public sealed class PositionDeciderTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 6, 15, 0, 0, TimeSpan.Zero);
    private static readonly Symbol Aapl = new("AAPL");
    private static readonly ExecutionThreshold OneShare = new ExecutionThreshold.Shares(new FractionalShares(1m));
    private static readonly ExecutionThreshold TwoDollars = new ExecutionThreshold.DollarValue(new Usd(2m));
    private static readonly PositionAggregate Aggregate = new();
    private static readonly TradeId Trade = new("0x" + new string('a', 64), 1);

    [Test]
    public void The_first_fill_initializes_the_position_then_records_the_fill()
    {
        var events = Accepted(null, Acknowledge(0.5m, Direction.Sell));

        events.ShouldBe([
            new PositionEvent.Initialized(Aapl, OneShare, Now),
            new PositionEvent.OnChainOrderFilled(Trade, new FractionalShares(0.5m), Direction.Sell, new Usd(100m), Now.AddMinutes(-1), Now)]);
    }

    [Test]
    public void A_later_fill_only_records_the_fill_and_keeps_the_stored_threshold()
    {
        var position = Given(Initialized(OneShare), Sold(0.5m));

        var events = Accepted(position, Acknowledge(0.7m, Direction.Sell) with { Threshold = TwoDollars });

        events.ShouldHaveSingleItem().ShouldBeOfType<PositionEvent.OnChainOrderFilled>().Amount.Value.ShouldBe(0.7m, "amount");
        Aggregate.Evolve(position, events[0]).Threshold.ShouldBe(OneShare, "threshold after a fill");
    }

    [TestCase(0)]
    [TestCase(-0.5)]
    public void A_fill_of_nothing_or_less_is_refused(decimal amount) =>
        Rejected(null, Acknowledge(amount, Direction.Sell)).ShouldBe(new PositionError.NonPositive(new FractionalShares(amount)));

    [Test]
    public void Fills_move_the_net_and_the_lifetime_totals()
    {
        var position = Given(Initialized(OneShare), Bought(0.8m), Sold(0.5m), Sold(0.8m), Sold(0.6m));

        (position.Net.Value, position.AccumulatedLong.Value, position.AccumulatedShort.Value).ShouldBe((-1.1m, 0.8m, 1.9m));
        position.LastUpdated.ShouldBe(Now, "last updated");
    }

    [Test]
    public void A_fill_without_a_price_keeps_the_last_price()
    {
        var position = Given(Initialized(TwoDollars), Sold(0.5m), Sold(0.5m) with { PriceUsdc = null });

        position.LastPriceUsdc.ShouldBe(new Usd(100m), "last price");
    }

    [Test]
    public void Placing_at_exactly_the_threshold_records_the_trigger()
    {
        var position = Given(Initialized(OneShare), Sold(0.4m), Sold(0.6m));

        var placed = Accepted(position, Place(1.0m, Direction.Buy)).ShouldHaveSingleItem().ShouldBeOfType<PositionEvent.OffChainOrderPlaced>();

        placed.ShouldBe(new PositionEvent.OffChainOrderPlaced(new ExecutionId(1), new FractionalShares(1.0m), Direction.Buy, SupportedExecutor.DryRun,
            new TriggerReason.SharesThreshold(new FractionalShares(-1.0m), new FractionalShares(1m)), Now));
    }

    [Test]
    public void Placing_below_the_threshold_is_refused() =>
        Rejected(Given(Initialized(OneShare), Sold(0.999m)), Place(0.999m, Direction.Buy))
            .ShouldBe(new PositionError.ThresholdNotMet(new FractionalShares(-0.999m), OneShare));

    [Test]
    public void A_dollar_threshold_is_met_at_exactly_two_dollars_at_the_last_price()
    {
        var position = Given(Initialized(TwoDollars), Sold(0.02m));

        var placed = Accepted(position, Place(0.02m, Direction.Buy) with { Executor = SupportedExecutor.AlpacaBrokerApi })
            .ShouldHaveSingleItem().ShouldBeOfType<PositionEvent.OffChainOrderPlaced>();

        placed.TriggerReason.ShouldBe(new TriggerReason.DollarThreshold(new FractionalShares(-0.02m), new Usd(2m), new Usd(100m), new Usd(2m)));
    }

    [Test]
    public void A_dollar_threshold_without_a_price_is_not_met() =>
        Rejected(Given(Initialized(TwoDollars), Sold(5m) with { PriceUsdc = null }), Place(5m, Direction.Buy))
            .ShouldBeOfType<PositionError.ThresholdNotMet>();

    [TestCase(1.2, "Sell", TestName = "Hedging a short position by selling is refused")]
    [TestCase(1.3, "Buy", TestName = "Hedging more than the exposure is refused")]
    [TestCase(0, "Buy", TestName = "Hedging nothing is refused")]
    public void An_invalid_hedge_is_refused(decimal shares, string direction) =>
        Rejected(Given(Initialized(OneShare), Sold(1.2m)), Place(shares, Enum.Parse<Direction>(direction)))
            .ShouldBe(new PositionError.InvalidHedge(new FractionalShares(-1.2m), new FractionalShares(shares), Enum.Parse<Direction>(direction)));

    [Test]
    public void A_pending_execution_blocks_a_new_one() =>
        Rejected(Given(Initialized(OneShare), Sold(2m), Placed(1, 1.5m)), Place(0.5m, Direction.Buy) with { ExecutionId = new ExecutionId(2) })
            .ShouldBe(new PositionError.PendingExecution(new ExecutionId(1)));

    [Test]
    public void A_broker_fill_moves_the_net_by_the_ordered_shares_and_clears_pending()
    {
        var position = Given(Initialized(OneShare), Sold(1.5m), Placed(1, 1.5m), Sold(0.5m));
        var fill = new PositionCommand.CompleteOffChainOrder(new ExecutionId(1), new FractionalShares(1.5m), Direction.Buy, new BrokerOrderId("TEST_1"), new Usd(100m), Now);

        var after = Aggregate.Evolve(position, Accepted(position, fill).ShouldHaveSingleItem());

        (after.Net.Value, after.PendingExecutionId, after.AccumulatedShort.Value).ShouldBe((-0.5m, (ExecutionId?)null, 2.0m));
    }

    [Test]
    public void Completing_or_failing_without_or_with_another_pending_execution_is_refused()
    {
        var idle = Given(Initialized(OneShare), Sold(1.5m));
        var pending = Given(Initialized(OneShare), Sold(1.5m), Placed(1, 1.5m));
        var failTwo = new PositionCommand.FailOffChainOrder(new ExecutionId(2), "boom");

        Rejected(idle, failTwo).ShouldBe(new PositionError.NoPendingExecution(new ExecutionId(2)));
        Rejected(pending, failTwo).ShouldBe(new PositionError.ExecutionIdMismatch(new ExecutionId(1), new ExecutionId(2)));
        var failed = Aggregate.Evolve(pending, Accepted(pending, failTwo with { ExecutionId = new ExecutionId(1) }).ShouldHaveSingleItem());
        (failed.Net.Value, failed.PendingExecutionId).ShouldBe((-1.5m, (ExecutionId?)null), "after a failure");
    }

    [Test]
    public void Commands_other_than_a_fill_on_an_empty_position_are_refused() =>
        Rejected(null, Place(1m, Direction.Buy)).ShouldBe(new PositionError.Uninitialized());

    [Test]
    public void Updating_the_threshold_records_old_and_new_and_a_repeat_records_nothing()
    {
        var position = Given(Initialized(OneShare));

        Accepted(position, new PositionCommand.UpdateThreshold(TwoDollars)).ShouldBe([new PositionEvent.ThresholdUpdated(OneShare, TwoDollars, Now)]);
        Accepted(position, new PositionCommand.UpdateThreshold(OneShare)).ShouldBeEmpty("events of an unchanged threshold");
    }

    internal static Position Given(params PositionEvent[] events) =>
        events.Aggregate((Position?)null, (state, domainEvent) => Aggregate.Evolve(state, domainEvent))!;

    internal static PositionEvent.Initialized Initialized(ExecutionThreshold threshold) => new(Aapl, threshold, Now.AddHours(-1));

    internal static PositionEvent.OnChainOrderFilled Sold(decimal amount) =>
        new(Trade, new FractionalShares(amount), Direction.Sell, new Usd(100m), Now.AddMinutes(-1), Now);

    internal static PositionEvent.OnChainOrderFilled Bought(decimal amount) => Sold(amount) with { Direction = Direction.Buy };

    private static PositionEvent.OffChainOrderPlaced Placed(long id, decimal shares) =>
        new(new ExecutionId(id), new FractionalShares(shares), Direction.Buy, SupportedExecutor.DryRun,
            new TriggerReason.SharesThreshold(new FractionalShares(-shares), new FractionalShares(1m)), Now);

    private static PositionCommand.AcknowledgeOnChainFill Acknowledge(decimal amount, Direction direction) =>
        new(Aapl, OneShare, Trade, new FractionalShares(amount), direction, new Usd(100m), Now.AddMinutes(-1));

    private static PositionCommand.PlaceOffChainOrder Place(decimal shares, Direction direction) =>
        new(new ExecutionId(1), new FractionalShares(shares), direction, SupportedExecutor.DryRun);

    private static IReadOnlyList<PositionEvent> Accepted(Position? position, PositionCommand command) =>
        PositionDecider.Decide(position, command, Now).ShouldBeOfType<PositionDecision.Accepted>().Events;

    private static PositionError Rejected(Position? position, PositionCommand command) =>
        PositionDecider.Decide(position, command, Now).ShouldBeOfType<PositionDecision.Rejected>().Error;
}
