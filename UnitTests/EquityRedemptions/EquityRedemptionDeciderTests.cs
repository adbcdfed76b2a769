using TradingBot.Acceptance.Domain.EventSourcing;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EquityRedemptions;
using TradingBot.Acceptance.Domain.Finance;
using Command = TradingBot.Acceptance.Domain.EquityRedemptions.EquityRedemptionCommand;
using Error = TradingBot.Acceptance.Domain.EquityRedemptions.EquityRedemptionError;
using Event = TradingBot.Acceptance.Domain.EquityRedemptions.EquityRedemptionEvent;

namespace TradingBot.Acceptance.UnitTests.EquityRedemptions;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class EquityRedemptionDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 15, 0, 0, TimeSpan.Zero);
    private static readonly Event Sent = new Event.TokensSent(new Symbol("AAPL"), new FractionalShares(30m), "0xredeem", "0xtx", Now);
    private static readonly Event Detected = new Event.Detected("request-1", Now);

    private static Decision<Event, Error> Decide(Command command, params Event[] history) =>
        EquityRedemptionDecider.Decide(EquityRedemptionDecider.Kind.Replay(history), command, Now);

    private static Event Single(Decision<Event, Error> decision) =>
        decision.ShouldBeOfType<Decision<Event, Error>.Accepted>().Events.ShouldHaveSingleItem();

    [Test]
    public void The_happy_path_goes_sent_detected_completed()
    {
        Single(Decide(new Command.SendTokens(new Symbol("AAPL"), new FractionalShares(30m), "0xredeem", "0xtx"))).ShouldBe(Sent);
        Single(Decide(new Command.Detect("request-1"), Sent)).ShouldBe(Detected);
        Single(Decide(new Command.Complete(), Sent, Detected)).ShouldBe(new Event.Completed(Now));
        EquityRedemptionDecider.IsTerminal(EquityRedemptionDecider.Kind.Replay([Sent, Detected, new Event.Completed(Now)])).ShouldBeTrue();
    }

    [Test]
    public void Detection_and_completion_can_fail()
    {
        Single(Decide(new Command.FailDetection("Detection polling failed: x"), Sent)).ShouldBe(new Event.DetectionFailed("Detection polling failed: x", Now));
        Single(Decide(new Command.RejectRedemption("Redemption rejected by Alpaca"), Sent, Detected))
            .ShouldBe(new Event.RedemptionRejected("Redemption rejected by Alpaca", Now));
    }

    [TestCaseSource(nameof(WrongStates))]
    public void A_command_in_the_wrong_state_is_rejected(Command command, Event[] history, Type expected) =>
        Decide(command, history).ShouldBeOfType<Decision<Event, Error>.Rejected>().Error.GetType().ShouldBe(expected);

    private static IEnumerable<TestCaseData> WrongStates()
    {
        var send = new Command.SendTokens(new Symbol("AAPL"), new FractionalShares(1m), "0xredeem", "0xtx");
        yield return new TestCaseData(new Command.Detect("r"), Array.Empty<Event>(), typeof(Error.TokensNotSent)).SetName("Detect before sending");
        yield return new TestCaseData(new Command.Detect("r"), new[] { Sent, Detected }, typeof(Error.NotPending)).SetName("Detect twice");
        yield return new TestCaseData(new Command.Complete(), new[] { Sent }, typeof(Error.NotPendingForRejection)).SetName("Complete before detection");
        yield return new TestCaseData(new Command.RejectRedemption("x"), new[] { Sent }, typeof(Error.NotPendingForRejection))
            .SetName("Reject before detection");
        yield return new TestCaseData(send, new[] { Sent, Detected, new Event.Completed(Now) }, typeof(Error.AlreadyCompleted)).SetName("Send after completion");
        yield return new TestCaseData(send, new[] { Sent, new Event.DetectionFailed("x", Now) }, typeof(Error.AlreadyFailed)).SetName("Send after failure");
    }

    [Test]
    public void Events_round_trip_through_their_stored_names_and_payloads()
    {
        var codec = new EquityRedemptionEventCodec();
        EventPayload.Write(codec, Sent).ShouldBe(
            "{\"TokensSent\":{\"symbol\":\"AAPL\",\"quantity\":\"30\",\"redemption_wallet\":\"0xredeem\",\"tx_hash\":\"0xtx\",\"sent_at\":\"2026-11-25T15:00:00.0000000Z\"}}");
        EquityRedemptionDecider.Kind.EventType(Detected).ShouldBe("EquityRedemptionEvent::Detected");
        foreach (var @event in new[] { Sent, Detected, new Event.Completed(Now), new Event.DetectionFailed("r", Now), new Event.RedemptionRejected("r", Now) })
            EventPayload.Read(codec, EventPayload.Write(codec, @event)).ShouldBe(@event, codec.EventName(@event));
    }
}
