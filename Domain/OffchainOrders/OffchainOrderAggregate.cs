using System.Text.Json;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.OffchainOrders;

/// <summary>How <c>OffchainOrder</c> (id = execution id) folds, is stored and is viewed (<c>offchain_order_view</c>).</summary>
public sealed class OffchainOrderAggregate : IAggregate<OffchainOrder, OffchainOrderEvent>
{
    public string AggregateType => "OffchainOrder";

    public string? ViewTable => "offchain_order_view";

    public OffchainOrder Evolve(OffchainOrder? state, OffchainOrderEvent domainEvent) =>
        (state, domainEvent) switch
        {
            (null, OffchainOrderEvent.Placed placed) => new OffchainOrder.Pending(
                new OrderTerms(placed.Symbol, placed.Shares, placed.Direction, placed.Executor, placed.ClientOrderId, placed.PlacedAt)),
            (not null, OffchainOrderEvent.Placed) => throw new CorruptStreamException(new LifecycleError.AlreadyInitialized()),
            (null, _) => throw new CorruptStreamException(new LifecycleError.Uninitialized()),
            (OffchainOrder.Pending pending, OffchainOrderEvent.Submitted submitted) =>
                new OffchainOrder.Submitted(pending.Terms, submitted.BrokerOrderId, submitted.SubmittedAt),
            (OffchainOrder.Submitted or OffchainOrder.PartiallyFilled, OffchainOrderEvent.PartiallyFilled partial) =>
                new OffchainOrder.PartiallyFilled(
                    state.Terms, BrokerOrderIdOf(state)!.Value, partial.SharesFilled, partial.AvgPrice, partial.PartiallyFilledAt, state.CancelRequested),
            (OffchainOrder.Submitted or OffchainOrder.PartiallyFilled, OffchainOrderEvent.Filled filled) =>
                new OffchainOrder.Filled(state.Terms, BrokerOrderIdOf(state)!.Value, filled.Price, filled.FilledAt),
            (OffchainOrder.Pending or OffchainOrder.Submitted or OffchainOrder.PartiallyFilled, OffchainOrderEvent.Failed failed) =>
                new OffchainOrder.Failed(state.Terms, BrokerOrderIdOf(state), failed.Error, failed.FailedAt),
            ({ CancelRequested: null } and (OffchainOrder.Submitted or OffchainOrder.PartiallyFilled), OffchainOrderEvent.CancelRequested requested) =>
                WithCancel(state, new CancelRequest(requested.Reason, requested.RequestedAt)),
            ({ CancelRequested: { AlertRaised: false } cancel }, OffchainOrderEvent.OrderInDoubt) => WithCancel(state, cancel with { AlertRaised = true }),
            ({ CancelRequested: not null }, OffchainOrderEvent.CanceledAfterPartialFill canceled) =>
                new OffchainOrder.CanceledAfterPartialFill(state.Terms, BrokerOrderIdOf(state)!.Value, canceled.SharesFilled, canceled.AvgPrice, canceled.CanceledAt),
            (OffchainOrder.Failed { LateFill: null } failed, OffchainOrderEvent.LateFillRecorded late) =>
                failed with { LateFill = new LateFill(late.BrokerOrderId, late.SharesFilled, late.AvgPrice, late.RecordedAt) },
            _ => throw new CorruptStreamException(state, domainEvent),
        };

    public string EventName(OffchainOrderEvent domainEvent) => domainEvent switch
    {
        OffchainOrderEvent.Placed => "Placed",
        OffchainOrderEvent.Submitted => "Submitted",
        OffchainOrderEvent.PartiallyFilled => "PartiallyFilled",
        OffchainOrderEvent.Filled => "Filled",
        OffchainOrderEvent.Failed => "Failed",
        OffchainOrderEvent.CancelRequested => "CancelRequested",
        OffchainOrderEvent.CanceledAfterPartialFill => "CanceledAfterPartialFill",
        OffchainOrderEvent.OrderInDoubt => "OrderInDoubt",
        OffchainOrderEvent.LateFillRecorded => "LateFillRecorded",
        _ => throw new ArgumentOutOfRangeException(nameof(domainEvent), domainEvent, "Unknown OffchainOrder event."),
    };

    public void WriteEvent(Utf8JsonWriter writer, OffchainOrderEvent domainEvent)
    {
        writer.WriteStartObject();
        switch (domainEvent)
        {
            case OffchainOrderEvent.Placed placed:
                WriteTerms(writer, new OrderTerms(placed.Symbol, placed.Shares, placed.Direction, placed.Executor, placed.ClientOrderId, placed.PlacedAt));
                break;
            case OffchainOrderEvent.Submitted submitted:
                writer.WriteString("broker_order_id", submitted.BrokerOrderId.Value);
                writer.WriteTimestamp("submitted_at", submitted.SubmittedAt);
                break;
            case OffchainOrderEvent.PartiallyFilled partial:
                writer.WriteDecimal("shares_filled", partial.SharesFilled.Value);
                writer.WriteDecimal("avg_price", partial.AvgPrice.Value);
                writer.WriteTimestamp("partially_filled_at", partial.PartiallyFilledAt);
                break;
            case OffchainOrderEvent.Filled filled:
                writer.WriteDecimal("price", filled.Price.Value);
                writer.WriteTimestamp("filled_at", filled.FilledAt);
                break;
            case OffchainOrderEvent.Failed failed:
                writer.WriteString("error", failed.Error);
                writer.WriteTimestamp("failed_at", failed.FailedAt);
                break;
            default:
                OrderDoubtJson.WriteEvent(writer, domainEvent);
                break;
        }

        writer.WriteEndObject();
    }

    public OffchainOrderEvent ReadEvent(string name, JsonElement body) => name switch
    {
        "Placed" => new OffchainOrderEvent.Placed(
            new Symbol(body.GetText("symbol")),
            new FractionalShares(body.GetDecimal("shares")),
            body.GetEnum<Direction>("direction"),
            body.GetEnum<SupportedExecutor>("executor"),
            new ClientOrderId(Guid.Parse(body.GetText("client_order_id"))),
            body.GetTimestamp("placed_at")),
        "Submitted" => new OffchainOrderEvent.Submitted(new BrokerOrderId(body.GetText("broker_order_id")), body.GetTimestamp("submitted_at")),
        "PartiallyFilled" => new OffchainOrderEvent.PartiallyFilled(
            new FractionalShares(body.GetDecimal("shares_filled")), new Usd(body.GetDecimal("avg_price")), body.GetTimestamp("partially_filled_at")),
        "Filled" => new OffchainOrderEvent.Filled(new Usd(body.GetDecimal("price")), body.GetTimestamp("filled_at")),
        "Failed" => new OffchainOrderEvent.Failed(body.GetText("error"), body.GetTimestamp("failed_at")),
        _ => OrderDoubtJson.ReadEvent(name, body),
    };

    public void WriteView(Utf8JsonWriter writer, OffchainOrder state)
    {
        writer.WriteStartObject();
        writer.WriteStartObject(state.Status);
        WriteTerms(writer, state.Terms);
        if (BrokerOrderIdOf(state) is { } brokerOrderId)
            writer.WriteString("broker_order_id", brokerOrderId.Value);
        switch (state)
        {
            case OffchainOrder.PartiallyFilled partial:
                writer.WriteDecimal("shares_filled", partial.SharesFilled.Value);
                writer.WriteDecimal("avg_price", partial.AvgPrice.Value);
                break;
            case OffchainOrder.Filled filled:
                writer.WriteDecimal("price", filled.Price.Value);
                writer.WriteTimestamp("filled_at", filled.FilledAt);
                break;
            case OffchainOrder.Failed failed:
                writer.WriteString("error", failed.Error);
                writer.WriteTimestamp("failed_at", failed.FailedAt);
                break;
        }

        OrderDoubtJson.WriteView(writer, state);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static BrokerOrderId? BrokerOrderIdOf(OffchainOrder order) => order switch
    {
        OffchainOrder.Submitted submitted => submitted.BrokerOrderId,
        OffchainOrder.PartiallyFilled partial => partial.BrokerOrderId,
        OffchainOrder.Filled filled => filled.BrokerOrderId,
        OffchainOrder.Failed failed => failed.BrokerOrderId,
        OffchainOrder.CanceledAfterPartialFill canceled => canceled.BrokerOrderId,
        _ => null,
    };

    private static OffchainOrder WithCancel(OffchainOrder state, CancelRequest cancel) => state switch
    {
        OffchainOrder.Submitted submitted => submitted with { Cancel = cancel },
        OffchainOrder.PartiallyFilled partial => partial with { Cancel = cancel },
        _ => throw new CorruptStreamException(state, cancel),
    };

    private static void WriteTerms(Utf8JsonWriter writer, OrderTerms terms)
    {
        writer.WriteString("symbol", terms.Symbol.Value);
        writer.WriteDecimal("shares", terms.Shares.Value);
        writer.WriteEnum("direction", terms.Direction);
        writer.WriteEnum("executor", terms.Executor);
        writer.WriteString("client_order_id", terms.ClientOrderId.Value); // the "D" form, as ClientOrderId.ToString
        writer.WriteTimestamp("placed_at", terms.PlacedAt);
    }
}
