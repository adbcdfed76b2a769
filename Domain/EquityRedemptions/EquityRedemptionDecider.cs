using TradingBot.Acceptance.Domain.EventSourcing;
using Command = TradingBot.Acceptance.Domain.EquityRedemptions.EquityRedemptionCommand;
using Error = TradingBot.Acceptance.Domain.EquityRedemptions.EquityRedemptionError;
using Event = TradingBot.Acceptance.Domain.EquityRedemptions.EquityRedemptionEvent;
using State = TradingBot.Acceptance.Domain.EquityRedemptions.EquityRedemption;

namespace TradingBot.Acceptance.Domain.EquityRedemptions;

public static class EquityRedemptionDecider
{
    public static readonly AggregateKind<State, Command, Event, Error> Kind =
        new("EquityRedemption", new State.NotSent(), Decide, Evolve, new EquityRedemptionEventCodec())
        {
            ViewTable = EquityRedemptionView.Table,
            View = EquityRedemptionView.Write,
        };

    public static Decision<Event, Error> Decide(State redemption, Command command, DateTimeOffset now) =>
        (redemption, command) switch
        {
            (State.NotSent, Command.SendTokens send) =>
                Accept(new Event.TokensSent(send.Symbol, send.Quantity, send.RedemptionWallet, send.TxHash, now)),
            (State.NotSent, _) => Reject(new Error.TokensNotSent()),
            (State.Completed, _) => Reject(new Error.AlreadyCompleted()),
            (State.DetectionFailed or State.Rejected, _) => Reject(new Error.AlreadyFailed()),
            // A live redemption in progress cannot be sent again: its tokens already left the vault.
            (_, Command.SendTokens) => Reject(new Error.AlreadyCompleted()),
            (State.TokensSent, Command.Detect detect) => Accept(new Event.Detected(detect.TokenizationRequestId, now)),
            (State.TokensSent, Command.FailDetection fail) => Accept(new Event.DetectionFailed(fail.Reason, now)),
            (_, Command.Detect or Command.FailDetection) => Reject(new Error.NotPending()),
            (State.Detected, Command.Complete) => Accept(new Event.Completed(now)),
            (State.Detected, Command.RejectRedemption reject) => Accept(new Event.RedemptionRejected(reject.Reason, now)),
            _ => Reject(new Error.NotPendingForRejection()),
        };

    public static State Evolve(State redemption, Event @event) =>
        (redemption, @event) switch
        {
            (State.NotSent, Event.TokensSent sent) =>
                new State.TokensSent(new RedemptionTerms(sent.Symbol, sent.Quantity, sent.RedemptionWallet, sent.TxHash, sent.SentAt)),
            (State.TokensSent sent, Event.Detected detected) =>
                new State.Detected(sent.Terms, detected.TokenizationRequestId, detected.DetectedAt),
            (State.TokensSent sent, Event.DetectionFailed failed) => new State.DetectionFailed(sent.Terms, failed.Reason, failed.FailedAt),
            (State.Detected detected, Event.Completed completed) =>
                new State.Completed(detected.Terms, detected.TokenizationRequestId, completed.CompletedAt),
            (State.Detected detected, Event.RedemptionRejected rejected) =>
                new State.Rejected(detected.Terms, detected.TokenizationRequestId, rejected.Reason, rejected.RejectedAt),
            _ => throw new CorruptStreamException(redemption, @event),
        };

    /// <summary>What was sent, in every state after <c>TokensSent</c>.</summary>
    public static RedemptionTerms? TermsOf(State redemption) => redemption switch
    {
        State.TokensSent s => s.Terms,
        State.Detected s => s.Terms,
        State.DetectionFailed s => s.Terms,
        State.Completed s => s.Terms,
        State.Rejected s => s.Terms,
        _ => null,
    };

    /// <summary>Whether the redemption has ended, so its guard is released.</summary>
    public static bool IsTerminal(State redemption) => redemption is State.Completed or State.DetectionFailed or State.Rejected;

    private static Decision<Event, Error> Accept(Event @event) => new Decision<Event, Error>.Accepted([@event]);

    private static Decision<Event, Error> Reject(Error error) => new Decision<Event, Error>.Rejected(error);
}
