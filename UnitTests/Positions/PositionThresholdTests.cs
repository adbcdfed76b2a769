using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Positions;
using PositionDecision = TradingBot.Acceptance.Domain.EventSourcing.Decision<
    TradingBot.Acceptance.Domain.Positions.PositionEvent,
    TradingBot.Acceptance.Domain.Positions.PositionError>;

namespace TradingBot.Acceptance.UnitTests.Positions;

/// <summary>A position's threshold changed after it was set: the change is recorded, stored and read back.</summary>
[TestFixture]
public sealed class PositionThresholdTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 6, 15, 0, 0, TimeSpan.Zero);
    private static readonly ExecutionThreshold OneShare = new ExecutionThreshold.Shares(new FractionalShares(1m));
    private static readonly ExecutionThreshold FiveDollars = new ExecutionThreshold.DollarValue(new Usd(5m));
    private static readonly PositionAggregate Aggregate = new();

    [Test]
    public void A_new_threshold_is_recorded_with_the_old_one_and_applies_from_then_on()
    {
        var position = Aggregate.Evolve(null, new PositionEvent.Initialized(new Symbol("AAPL"), OneShare, Now.AddDays(-1)));

        var updated = PositionDecider.Decide(position, new PositionCommand.UpdateThreshold(FiveDollars), Now)
            .ShouldBeOfType<PositionDecision.Accepted>().Events.ShouldHaveSingleItem();

        updated.ShouldBe(new PositionEvent.ThresholdUpdated(OneShare, FiveDollars, Now));
        Aggregate.EventName(updated).ShouldBe("ThresholdUpdated");
        Aggregate.Evolve(position, updated).Threshold.ShouldBe(FiveDollars, "the threshold after the update");
    }

    [Test]
    public void A_threshold_update_round_trips_through_its_stored_payload()
    {
        var updated = new PositionEvent.ThresholdUpdated(OneShare, FiveDollars, Now);

        var payload = EventPayload.Write(Aggregate, updated);

        payload.ShouldStartWith("{\"ThresholdUpdated\":{\"old_threshold\":");
        EventPayload.Read(Aggregate, payload).ShouldBe(updated);
    }

    [Test]
    public void A_positive_dollar_amount_is_a_dollar_threshold()
    {
        ExecutionThreshold.TryDollarValue(2m, out var error).ShouldBe(new ExecutionThreshold.DollarValue(new Usd(2m)));
        error.ShouldBeNull();
    }
}
