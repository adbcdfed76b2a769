using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using Event = TradingBot.Acceptance.Domain.TokenizedEquityMints.TokenizedEquityMintEvent;

namespace TradingBot.Acceptance.Domain.TokenizedEquityMints;

/// <summary>Stored names and snake_case payloads of the mint events (version 1.0).</summary>
public sealed class TokenizedEquityMintEventCodec : EventCodec<Event>
{
    public TokenizedEquityMintEventCodec()
    {
        Add<Event.MintRequested>("MintRequested",
            (writer, e) =>
            {
                writer.WriteString("symbol", e.Symbol.Value);
                writer.WriteDecimal("quantity", e.Quantity.Value);
                writer.WriteString("wallet", e.Wallet);
                writer.WriteTimestamp("requested_at", e.RequestedAt);
            },
            body => new(new Symbol(body.GetText("symbol")), new FractionalShares(body.GetDecimal("quantity")), body.GetText("wallet"),
                body.GetTimestamp("requested_at")));
        Add<Event.MintRejected>("MintRejected",
            (writer, e) => writer.WriteReason(e.Reason, "rejected_at", e.RejectedAt),
            body => new(body.GetText("reason"), body.GetTimestamp("rejected_at")));
        Add<Event.MintAccepted>("MintAccepted",
            (writer, e) =>
            {
                writer.WriteString("issuer_request_id", e.IssuerRequestId);
                writer.WriteString("tokenization_request_id", e.TokenizationRequestId);
                writer.WriteTimestamp("accepted_at", e.AcceptedAt);
            },
            body => new(body.GetText("issuer_request_id"), body.GetText("tokenization_request_id"), body.GetTimestamp("accepted_at")));
        Add<Event.MintAcceptanceFailed>("MintAcceptanceFailed",
            (writer, e) => writer.WriteReason(e.Reason, "failed_at", e.FailedAt),
            body => new(body.GetText("reason"), body.GetTimestamp("failed_at")));
        Add<Event.TokensReceived>("TokensReceived",
            (writer, e) =>
            {
                writer.WriteString("tx_hash", e.TxHash);
                writer.WriteUnits("receipt_id", e.ReceiptId);
                writer.WriteUnits("shares_minted", e.SharesMinted);
                writer.WriteTimestamp("received_at", e.ReceivedAt);
            },
            body => new(body.GetText("tx_hash"), body.GetUnits("receipt_id"), body.GetUnits("shares_minted"), body.GetTimestamp("received_at")));
        Add<Event.MintCompleted>("MintCompleted",
            (writer, e) =>
            {
                writer.WriteString("vault_deposit_tx_hash", e.VaultDepositTxHash);
                writer.WriteTimestamp("completed_at", e.CompletedAt);
            },
            body => new(body.GetText("vault_deposit_tx_hash"), body.GetTimestamp("completed_at")));
        Add<Event.RaindexDepositFailed>("RaindexDepositFailed",
            (writer, e) => writer.WriteReason(e.Reason, "failed_at", e.FailedAt),
            body => new(body.GetText("reason"), body.GetTimestamp("failed_at")));
    }
}
