using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using Event = TradingBot.Acceptance.Domain.EquityRedemptions.EquityRedemptionEvent;

namespace TradingBot.Acceptance.Domain.EquityRedemptions;

/// <summary>Stored names and snake_case payloads of the redemption events (version 1.0).</summary>
public sealed class EquityRedemptionEventCodec : EventCodec<Event>
{
    public EquityRedemptionEventCodec()
    {
        Add<Event.TokensSent>("TokensSent",
            (writer, e) =>
            {
                writer.WriteString("symbol", e.Symbol.Value);
                writer.WriteDecimal("quantity", e.Quantity.Value);
                writer.WriteString("redemption_wallet", e.RedemptionWallet);
                writer.WriteString("tx_hash", e.TxHash);
                writer.WriteTimestamp("sent_at", e.SentAt);
            },
            body => new(new Symbol(body.GetText("symbol")), new FractionalShares(body.GetDecimal("quantity")), body.GetText("redemption_wallet"),
                body.GetText("tx_hash"), body.GetTimestamp("sent_at")));
        Add<Event.Detected>("Detected",
            (writer, e) =>
            {
                writer.WriteString("tokenization_request_id", e.TokenizationRequestId);
                writer.WriteTimestamp("detected_at", e.DetectedAt);
            },
            body => new(body.GetText("tokenization_request_id"), body.GetTimestamp("detected_at")));
        Add<Event.DetectionFailed>("DetectionFailed",
            (writer, e) => writer.WriteReason(e.Reason, "failed_at", e.FailedAt),
            body => new(body.GetText("reason"), body.GetTimestamp("failed_at")));
        Add<Event.Completed>("Completed",
            (writer, e) => writer.WriteTimestamp("completed_at", e.CompletedAt),
            body => new(body.GetTimestamp("completed_at")));
        Add<Event.RedemptionRejected>("RedemptionRejected",
            (writer, e) => writer.WriteReason(e.Reason, "rejected_at", e.RejectedAt),
            body => new(body.GetText("reason"), body.GetTimestamp("rejected_at")));
    }
}
