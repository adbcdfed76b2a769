using System.Numerics;
using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.TokenizedEquityMints;

public abstract record TokenizedEquityMintEvent
{
    private TokenizedEquityMintEvent() { }

    public sealed record MintRequested(Symbol Symbol, FractionalShares Quantity, string Wallet, DateTimeOffset RequestedAt)
        : TokenizedEquityMintEvent;

    public sealed record MintRejected(string Reason, DateTimeOffset RejectedAt) : TokenizedEquityMintEvent;

    public sealed record MintAccepted(string IssuerRequestId, string TokenizationRequestId, DateTimeOffset AcceptedAt)
        : TokenizedEquityMintEvent;

    public sealed record MintAcceptanceFailed(string Reason, DateTimeOffset FailedAt) : TokenizedEquityMintEvent;

    public sealed record TokensReceived(string TxHash, BigInteger ReceiptId, BigInteger SharesMinted, DateTimeOffset ReceivedAt)
        : TokenizedEquityMintEvent;

    public sealed record MintCompleted(string VaultDepositTxHash, DateTimeOffset CompletedAt) : TokenizedEquityMintEvent;

    public sealed record RaindexDepositFailed(string Reason, DateTimeOffset FailedAt) : TokenizedEquityMintEvent;
}
