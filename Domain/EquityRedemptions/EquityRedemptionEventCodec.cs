using System.Text.Json;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using Event = TradingBot.Acceptance.Domain.EquityRedemptions.EquityRedemptionEvent;

namespace TradingBot.Acceptance.Domain.EquityRedemptions;

/// <summary>Stored names and snake_case payloads of the redemption events (version 1.0).</summary>
public sealed class EquityRedemptionEventCodec : IEventCodec<Event>
{
    public string EventName(Event domainEvent) => domainEvent switch
    {
        Event.TokensSent => "TokensSent",
        Event.Detected => "Detected",
        Event.DetectionFailed => "DetectionFailed",
        Event.Completed => "Completed",
        Event.RedemptionRejected => "RedemptionRejected",
        _ => throw new ArgumentOutOfRangeException(nameof(domainEvent), domainEvent, "Unknown redemption event"),
    };

    public void WriteEvent(Utf8JsonWriter writer, Event domainEvent)
    {
        writer.WriteStartObject();
        switch (domainEvent)
        {
            case Event.TokensSent e:
                writer.WriteString("symbol", e.Symbol.Value);
                writer.WriteDecimal("quantity", e.Quantity.Value);
                writer.WriteString("redemption_wallet", e.RedemptionWallet);
                writer.WriteString("tx_hash", e.TxHash);
                writer.WriteTimestamp("sent_at", e.SentAt);
                break;
            case Event.Detected e:
                writer.WriteString("tokenization_request_id", e.TokenizationRequestId);
                writer.WriteTimestamp("detected_at", e.DetectedAt);
                break;
            case Event.DetectionFailed e:
                writer.WriteString("reason", e.Reason);
                writer.WriteTimestamp("failed_at", e.FailedAt);
                break;
            case Event.Completed e:
                writer.WriteTimestamp("completed_at", e.CompletedAt);
                break;
            case Event.RedemptionRejected e:
                writer.WriteString("reason", e.Reason);
                writer.WriteTimestamp("rejected_at", e.RejectedAt);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(domainEvent), domainEvent, "Unknown redemption event");
        }

        writer.WriteEndObject();
    }

    public Event ReadEvent(string name, JsonElement body) => name switch
    {
        "TokensSent" => new Event.TokensSent(
            new Symbol(body.GetText("symbol")), new FractionalShares(body.GetDecimal("quantity")), body.GetText("redemption_wallet"),
            body.GetText("tx_hash"), body.GetTimestamp("sent_at")),
        "Detected" => new Event.Detected(body.GetText("tokenization_request_id"), body.GetTimestamp("detected_at")),
        "DetectionFailed" => new Event.DetectionFailed(body.GetText("reason"), body.GetTimestamp("failed_at")),
        "Completed" => new Event.Completed(body.GetTimestamp("completed_at")),
        "RedemptionRejected" => new Event.RedemptionRejected(body.GetText("reason"), body.GetTimestamp("rejected_at")),
        _ => throw new JsonException($"Unknown redemption event '{name}'."),
    };
}
