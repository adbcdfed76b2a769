using TradingBot.Acceptance.Domain.EventSourcing;
using System.Numerics;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.TokenizedEquityMints;
using Command = TradingBot.Acceptance.Domain.TokenizedEquityMints.TokenizedEquityMintCommand;
using Error = TradingBot.Acceptance.Domain.TokenizedEquityMints.TokenizedEquityMintError;
using Event = TradingBot.Acceptance.Domain.TokenizedEquityMints.TokenizedEquityMintEvent;

namespace TradingBot.Acceptance.UnitTests.TokenizedEquityMints;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class TokenizedEquityMintDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 15, 0, 0, TimeSpan.Zero);
    private static readonly Event Requested = new Event.MintRequested(new Symbol("AAPL"), new FractionalShares(30.5m), "0xwallet", Now);
    private static readonly Event Accepted = new Event.MintAccepted("issuer-1", "request-1", Now);
    private static readonly Event Received = new Event.TokensReceived("0xtx", 0, BigInteger.Pow(10, 18), Now);

    private static Decision<Event, Error> Decide(Command command, params Event[] history) =>
        TokenizedEquityMintDecider.Decide(TokenizedEquityMintDecider.Kind.Replay(history), command, Now);

    [Test]
    public void A_mint_is_requested_once()
    {
        Single(Decide(new Command.RequestMint(new Symbol("AAPL"), new FractionalShares(30.5m), "0xwallet"))).ShouldBe(Requested);
        Decide(new Command.RequestMint(new Symbol("AAPL"), new FractionalShares(1m), "0xwallet"), Requested)
            .ShouldBeOfType<Decision<Event, Error>.Rejected>().Error.ShouldBeOfType<Error.AlreadyInProgress>();
    }

    [Test]
    public void The_happy_path_goes_requested_accepted_received_completed()
    {
        Single(Decide(new Command.AcknowledgeAcceptance("issuer-1", "request-1"), Requested)).ShouldBe(Accepted);
        Single(Decide(new Command.ReceiveTokens("0xtx", 0, BigInteger.Pow(10, 18)), Requested, Accepted)).ShouldBe(Received);
        Single(Decide(new Command.Finalize("0xdeposit"), Requested, Accepted, Received))
            .ShouldBe(new Event.MintCompleted("0xdeposit", Now));
    }

    [Test]
    public void Each_failure_has_its_state()
    {
        Single(Decide(new Command.RejectMint("Alpaca API error: 422 x"), Requested)).ShouldBe(new Event.MintRejected("Alpaca API error: 422 x", Now));
        Single(Decide(new Command.FailAcceptance("Mint request rejected by Alpaca"), Requested, Accepted))
            .ShouldBe(new Event.MintAcceptanceFailed("Mint request rejected by Alpaca", Now));
        Single(Decide(new Command.FailDeposit("reverted"), Requested, Accepted, Received)).ShouldBe(new Event.RaindexDepositFailed("reverted", Now));
    }

    [TestCaseSource(nameof(WrongStates))]
    public void A_command_in_the_wrong_state_is_rejected(Command command, Event[] history, Type expected) =>
        Decide(command, history).ShouldBeOfType<Decision<Event, Error>.Rejected>().Error.GetType().ShouldBe(expected);

    private static IEnumerable<TestCaseData> WrongStates()
    {
        var completed = new Event.MintCompleted("0xdeposit", Now);
        yield return new TestCaseData(new Command.RejectMint("x"), Array.Empty<Event>(), typeof(Error.NotRequested)).SetName("Reject before request");
        yield return new TestCaseData(new Command.AcknowledgeAcceptance("i", "r"), new[] { Requested, Accepted }, typeof(Error.NotRequested))
            .SetName("Acknowledge twice");
        yield return new TestCaseData(new Command.ReceiveTokens("0x", 0, 1), new[] { Requested }, typeof(Error.NotAccepted))
            .SetName("Tokens before acceptance");
        yield return new TestCaseData(new Command.FailAcceptance("x"), new[] { Requested, Accepted, Received }, typeof(Error.NotAccepted))
            .SetName("Fail acceptance after tokens");
        yield return new TestCaseData(new Command.Finalize("0x"), new[] { Requested, Accepted }, typeof(Error.TokensNotReceived))
            .SetName("Finalize before tokens");
        yield return new TestCaseData(new Command.Finalize("0x"), new[] { Requested, Accepted, Received, completed }, typeof(Error.AlreadyCompleted))
            .SetName("Finalize after completion");
        yield return new TestCaseData(new Command.AcknowledgeAcceptance("i", "r"), new[] { Requested, new Event.MintRejected("x", Now) },
            typeof(Error.AlreadyFailed)).SetName("Acknowledge after rejection");
    }

    [Test]
    public void Events_round_trip_through_their_stored_names_and_payloads()
    {
        var codec = new TokenizedEquityMintEventCodec();
        EventPayload.Write(codec, Requested).ShouldBe(
            "{\"MintRequested\":{\"symbol\":\"AAPL\",\"quantity\":\"30.5\",\"wallet\":\"0xwallet\",\"requested_at\":\"2026-11-25T15:00:00.0000000Z\"}}");
        TokenizedEquityMintDecider.Kind.EventType(Received).ShouldBe("TokenizedEquityMintEvent::TokensReceived");
        EventPayload.Write(codec, Received).ShouldContain("\"shares_minted\":\"1000000000000000000\"");
        foreach (var @event in new[] { Requested, Accepted, Received, new Event.MintCompleted("0x", Now), new Event.MintRejected("r", Now),
                     new Event.MintAcceptanceFailed("r", Now), new Event.RaindexDepositFailed("r", Now) })
            EventPayload.Read(codec, EventPayload.Write(codec, @event)).ShouldBe(@event, codec.EventName(@event));
    }

    private static Event Single(Decision<Event, Error> decision) =>
        decision.ShouldBeOfType<Decision<Event, Error>.Accepted>().Events.ShouldHaveSingleItem();
}
