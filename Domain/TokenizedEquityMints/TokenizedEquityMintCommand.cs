using System.Numerics;
using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.TokenizedEquityMints;

public abstract record TokenizedEquityMintCommand
{
    private TokenizedEquityMintCommand() { }

    public sealed record RequestMint(Symbol Symbol, FractionalShares Quantity, string Wallet) : TokenizedEquityMintCommand;

    public sealed record RejectMint(string Reason) : TokenizedEquityMintCommand;

    public sealed record AcknowledgeAcceptance(string IssuerRequestId, string TokenizationRequestId) : TokenizedEquityMintCommand;

    public sealed record FailAcceptance(string Reason) : TokenizedEquityMintCommand;

    public sealed record ReceiveTokens(string TxHash, BigInteger ReceiptId, BigInteger SharesMinted) : TokenizedEquityMintCommand;

    public sealed record Finalize(string VaultDepositTxHash) : TokenizedEquityMintCommand;

    public sealed record FailDeposit(string Reason) : TokenizedEquityMintCommand;
}
