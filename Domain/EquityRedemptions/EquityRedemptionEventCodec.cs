using System.Text.Json.Nodes;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Rebalancing.Persistence;
using static TradingBot.Acceptance.Domain.Rebalancing.Persistence.PayloadJson;
using Event = TradingBot.Acceptance.Domain.EquityRedemptions.EquityRedemptionEvent;

namespace TradingBot.Acceptance.Domain.EquityRedemptions;

/// <summary>Stored names and snake_case payloads of the redemption events (version 1.0).</summary>
public sealed class EquityRedemptionEventCodec : IEventCodec<Event>
{
    public string Name(Event domainEvent) => domainEvent switch
    {
        Event.TokensSent => "TokensSent",
        Event.Detected => "Detected",
        Event.DetectionFailed => "DetectionFailed",
        Event.Completed => "Completed",
        Event.RedemptionRejected => "RedemptionRejected",
        _ => throw new ArgumentOutOfRangeException(nameof(domainEvent), domainEvent, "Unknown redemption event"),
    };

    public string Serialize(Event domainEvent) => Tagged(Name(domainEvent), domainEvent switch
    {
        Event.TokensSent e => new JsonObject
        {
            ["symbol"] = e.Symbol.Value,
            ["quantity"] = Amount(e.Quantity.Value),
            ["redemption_wallet"] = e.RedemptionWallet,
            ["tx_hash"] = e.TxHash,
            ["sent_at"] = Time(e.SentAt),
        },
        Event.Detected e => new JsonObject
        {
            ["tokenization_request_id"] = e.TokenizationRequestId,
            ["detected_at"] = Time(e.DetectedAt),
        },
        Event.DetectionFailed e => new JsonObject { ["reason"] = e.Reason, ["failed_at"] = Time(e.FailedAt) },
        Event.Completed e => new JsonObject { ["completed_at"] = Time(e.CompletedAt) },
        Event.RedemptionRejected e => new JsonObject { ["reason"] = e.Reason, ["rejected_at"] = Time(e.RejectedAt) },
        _ => throw new ArgumentOutOfRangeException(nameof(domainEvent), domainEvent, "Unknown redemption event"),
    });

    public Event Deserialize(string payload)
    {
        var (name, f) = Untag(payload);
        return name switch
        {
            "TokensSent" => new Event.TokensSent(
                new Symbol(Text(f, "symbol")), new FractionalShares(ReadDecimal(f, "quantity")), Text(f, "redemption_wallet"),
                Text(f, "tx_hash"), ReadTime(f, "sent_at")),
            "Detected" => new Event.Detected(Text(f, "tokenization_request_id"), ReadTime(f, "detected_at")),
            "DetectionFailed" => new Event.DetectionFailed(Text(f, "reason"), ReadTime(f, "failed_at")),
            "Completed" => new Event.Completed(ReadTime(f, "completed_at")),
            "RedemptionRejected" => new Event.RedemptionRejected(Text(f, "reason"), ReadTime(f, "rejected_at")),
            _ => throw new InvalidOperationException($"Corrupt event payload: unknown redemption event '{name}'"),
        };
    }
}
