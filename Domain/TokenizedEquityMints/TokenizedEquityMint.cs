using System.Numerics;

namespace TradingBot.Acceptance.Domain.TokenizedEquityMints;

/// <summary>Every state a mint (broker shares → vault tokens) can be in, and no others.</summary>
public abstract record TokenizedEquityMint
{
    private TokenizedEquityMint() { }

    public sealed record NotRequested : TokenizedEquityMint;

    public sealed record Requested(MintTerms Terms) : TokenizedEquityMint;

    public sealed record Rejected(MintTerms Terms, string Reason, DateTimeOffset RejectedAt) : TokenizedEquityMint;

    public sealed record Accepted(MintTerms Terms, string IssuerRequestId, string TokenizationRequestId, DateTimeOffset AcceptedAt)
        : TokenizedEquityMint;

    public sealed record AcceptanceFailed(MintTerms Terms, string Reason, DateTimeOffset FailedAt) : TokenizedEquityMint;

    public sealed record TokensReceived(MintTerms Terms, string TxHash, BigInteger SharesMinted, DateTimeOffset ReceivedAt)
        : TokenizedEquityMint;

    public sealed record Completed(MintTerms Terms, string VaultDepositTxHash, DateTimeOffset CompletedAt) : TokenizedEquityMint;

    public sealed record DepositFailed(MintTerms Terms, string Reason, DateTimeOffset FailedAt) : TokenizedEquityMint;
}
