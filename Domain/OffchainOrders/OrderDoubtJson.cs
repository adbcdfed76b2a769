using System.Text.Json;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.OffchainOrders;

/// <summary>How the events and view fields of orders in doubt and late fills are stored (docs/domain.md §13).</summary>
internal static class OrderDoubtJson
{
    public static void WriteEvent(Utf8JsonWriter writer, OffchainOrderEvent domainEvent)
    {
        switch (domainEvent)
        {
            case OffchainOrderEvent.CancelRequested requested:
                writer.WriteString("reason", requested.Reason);
                writer.WriteTimestamp("requested_at", requested.RequestedAt);
                break;
            case OffchainOrderEvent.CanceledAfterPartialFill canceled:
                writer.WriteDecimal("shares_filled", canceled.SharesFilled.Value);
                writer.WriteDecimal("avg_price", canceled.AvgPrice.Value);
                writer.WriteTimestamp("canceled_at", canceled.CanceledAt);
                break;
            case OffchainOrderEvent.OrderInDoubt alert:
                writer.WriteNumber("order_id", alert.OrderId.Value);
                writer.WriteTimestamp("since", alert.Since);
                break;
            case OffchainOrderEvent.LateFillRecorded late:
                writer.WriteString("broker_order_id", late.BrokerOrderId.Value);
                writer.WriteDecimal("shares_filled", late.SharesFilled.Value);
                writer.WriteDecimal("avg_price", late.AvgPrice.Value);
                writer.WriteTimestamp("recorded_at", late.RecordedAt);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(domainEvent), domainEvent, "Unknown OffchainOrder event.");
        }
    }

    public static OffchainOrderEvent ReadEvent(string name, JsonElement body) => name switch
    {
        "CancelRequested" => new OffchainOrderEvent.CancelRequested(body.GetText("reason"), body.GetTimestamp("requested_at")),
        "CanceledAfterPartialFill" => new OffchainOrderEvent.CanceledAfterPartialFill(
            new FractionalShares(body.GetDecimal("shares_filled")), new Usd(body.GetDecimal("avg_price")), body.GetTimestamp("canceled_at")),
        "OrderInDoubt" => new OffchainOrderEvent.OrderInDoubt(new ExecutionId(body.GetInt64("order_id")), body.GetTimestamp("since")),
        "LateFillRecorded" => new OffchainOrderEvent.LateFillRecorded(
            new BrokerOrderId(body.GetText("broker_order_id")),
            new FractionalShares(body.GetDecimal("shares_filled")),
            new Usd(body.GetDecimal("avg_price")),
            body.GetTimestamp("recorded_at")),
        _ => throw new JsonException($"Unknown OffchainOrder event '{name}'."),
    };

    /// <summary>The view's fields for a cancel request, a partial fill credited at cancel, or a late fill.</summary>
    public static void WriteView(Utf8JsonWriter writer, OffchainOrder state)
    {
        if (state.CancelRequested is { } cancel)
        {
            writer.WriteString("cancel_reason", cancel.Reason);
            writer.WriteTimestamp("cancel_requested_at", cancel.RequestedAt);
            writer.WriteBoolean("alert_raised", cancel.AlertRaised);
        }

        switch (state)
        {
            case OffchainOrder.CanceledAfterPartialFill canceled:
                writer.WriteDecimal("shares_filled", canceled.SharesFilled.Value);
                writer.WriteDecimal("avg_price", canceled.AvgPrice.Value);
                writer.WriteTimestamp("canceled_at", canceled.CanceledAt);
                break;
            case OffchainOrder.Failed { LateFill: { } late }:
                writer.WriteString("late_fill_broker_order_id", late.BrokerOrderId.Value);
                writer.WriteDecimal("late_fill_shares", late.SharesFilled.Value);
                writer.WriteDecimal("late_fill_avg_price", late.AvgPrice.Value);
                break;
        }
    }
}
