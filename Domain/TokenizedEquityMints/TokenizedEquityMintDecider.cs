using TradingBot.Acceptance.Domain.EventSourcing;
using Command = TradingBot.Acceptance.Domain.TokenizedEquityMints.TokenizedEquityMintCommand;
using Error = TradingBot.Acceptance.Domain.TokenizedEquityMints.TokenizedEquityMintError;
using Event = TradingBot.Acceptance.Domain.TokenizedEquityMints.TokenizedEquityMintEvent;
using State = TradingBot.Acceptance.Domain.TokenizedEquityMints.TokenizedEquityMint;

namespace TradingBot.Acceptance.Domain.TokenizedEquityMints;

public static class TokenizedEquityMintDecider
{
    public static readonly AggregateKind<State, Command, Event, Error> Kind =
        new("TokenizedEquityMint", new State.NotRequested(), Decide, Evolve, new TokenizedEquityMintEventCodec());

    public static Decision<Event, Error> Decide(State mint, Command command, DateTimeOffset now) =>
        (mint, command) switch
        {
            (State.NotRequested, Command.RequestMint request) =>
                Accept(new Event.MintRequested(request.Symbol, request.Quantity, request.Wallet, now)),
            (State.Completed, _) => Reject(new Error.AlreadyCompleted()),
            (State.Rejected or State.AcceptanceFailed or State.DepositFailed, _) => Reject(new Error.AlreadyFailed()),
            (_, Command.RequestMint) => Reject(new Error.AlreadyInProgress()),
            (State.NotRequested, _) => Reject(new Error.NotRequested()),
            (State.Requested, Command.RejectMint reject) => Accept(new Event.MintRejected(reject.Reason, now)),
            (State.Requested, Command.AcknowledgeAcceptance ack) =>
                Accept(new Event.MintAccepted(ack.IssuerRequestId, ack.TokenizationRequestId, now)),
            (_, Command.RejectMint or Command.AcknowledgeAcceptance) => Reject(new Error.NotRequested()),
            (State.Accepted, Command.FailAcceptance fail) => Accept(new Event.MintAcceptanceFailed(fail.Reason, now)),
            (State.Accepted, Command.ReceiveTokens receive) =>
                Accept(new Event.TokensReceived(receive.TxHash, receive.ReceiptId, receive.SharesMinted, now)),
            (_, Command.FailAcceptance or Command.ReceiveTokens) => Reject(new Error.NotAccepted()),
            (State.TokensReceived, Command.Finalize finalize) => Accept(new Event.MintCompleted(finalize.VaultDepositTxHash, now)),
            (State.TokensReceived, Command.FailDeposit fail) => Accept(new Event.RaindexDepositFailed(fail.Reason, now)),
            _ => Reject(new Error.TokensNotReceived()),
        };

    public static State Evolve(State mint, Event @event) =>
        (mint, @event) switch
        {
            (State.NotRequested, Event.MintRequested requested) =>
                new State.Requested(new MintTerms(requested.Symbol, requested.Quantity, requested.Wallet, requested.RequestedAt)),
            (State.Requested requested, Event.MintRejected rejected) =>
                new State.Rejected(requested.Terms, rejected.Reason, rejected.RejectedAt),
            (State.Requested requested, Event.MintAccepted accepted) =>
                new State.Accepted(requested.Terms, accepted.IssuerRequestId, accepted.TokenizationRequestId, accepted.AcceptedAt),
            (State.Accepted accepted, Event.MintAcceptanceFailed failed) =>
                new State.AcceptanceFailed(accepted.Terms, failed.Reason, failed.FailedAt),
            (State.Accepted accepted, Event.TokensReceived received) =>
                new State.TokensReceived(accepted.Terms, received.TxHash, received.SharesMinted, received.ReceivedAt),
            (State.TokensReceived received, Event.MintCompleted completed) =>
                new State.Completed(received.Terms, completed.VaultDepositTxHash, completed.CompletedAt),
            (State.TokensReceived received, Event.RaindexDepositFailed failed) =>
                new State.DepositFailed(received.Terms, failed.Reason, failed.FailedAt),
            _ => throw new CorruptStreamException(mint, @event),
        };

    /// <summary>What was asked for, in every state after <c>MintRequested</c>.</summary>
    public static MintTerms? TermsOf(State mint) => mint switch
    {
        State.Requested s => s.Terms,
        State.Rejected s => s.Terms,
        State.Accepted s => s.Terms,
        State.AcceptanceFailed s => s.Terms,
        State.TokensReceived s => s.Terms,
        State.Completed s => s.Terms,
        State.DepositFailed s => s.Terms,
        _ => null,
    };

    /// <summary>Whether the mint has ended, so its guard is released.</summary>
    public static bool IsTerminal(State mint) =>
        mint is State.Completed or State.Rejected or State.AcceptanceFailed or State.DepositFailed;

    private static Decision<Event, Error> Accept(Event @event) => new Decision<Event, Error>.Accepted([@event]);

    private static Decision<Event, Error> Reject(Error error) => new Decision<Event, Error>.Rejected(error);
}
