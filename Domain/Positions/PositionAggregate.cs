using System.Text.Json;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.Positions;

/// <summary>How <c>Position</c> (id = symbol) folds, is stored and is viewed (<c>position_view</c>).</summary>
public sealed class PositionAggregate : IAggregate<Position, PositionEvent>
{
    public string AggregateType => "Position";

    public string? ViewTable => "position_view";

    public Position Evolve(Position? state, PositionEvent domainEvent) =>
        (state, domainEvent) switch
        {
            (null, PositionEvent.Initialized initialized) => new Position(
                initialized.Symbol, FractionalShares.Zero, FractionalShares.Zero, FractionalShares.Zero,
                PendingExecutionId: null, initialized.Threshold, LastPriceUsdc: null, initialized.InitializedAt),
            (not null, PositionEvent.Initialized) => throw new CorruptStreamException(new LifecycleError.AlreadyInitialized()),
            (null, _) => throw new CorruptStreamException(new LifecycleError.Uninitialized()),
            (not null, PositionEvent.OnChainOrderFilled { Direction: Direction.Buy } bought) => state with
            {
                Net = state.Net + bought.Amount,
                AccumulatedLong = state.AccumulatedLong + bought.Amount,
                LastPriceUsdc = bought.PriceUsdc ?? state.LastPriceUsdc,
                LastUpdated = bought.SeenAt,
            },
            (not null, PositionEvent.OnChainOrderFilled sold) => state with
            {
                Net = state.Net - sold.Amount,
                AccumulatedShort = state.AccumulatedShort + sold.Amount,
                LastPriceUsdc = sold.PriceUsdc ?? state.LastPriceUsdc,
                LastUpdated = sold.SeenAt,
            },
            (not null, PositionEvent.OffChainOrderPlaced placed) => state with { PendingExecutionId = placed.ExecutionId },
            (not null, PositionEvent.OffChainOrderFilled filled) => state with
            {
                Net = filled.Direction == Direction.Buy ? state.Net + filled.SharesFilled : state.Net - filled.SharesFilled,
                // A late fill credits an order that ended earlier: the execution pending now, if any, stays.
                PendingExecutionId = state.PendingExecutionId == filled.ExecutionId ? null : state.PendingExecutionId,
            },
            (not null, PositionEvent.OffChainOrderFailed) => state with { PendingExecutionId = null },
            (not null, PositionEvent.ThresholdUpdated updated) => state with { Threshold = updated.NewThreshold },
            _ => throw new CorruptStreamException(state, domainEvent),
        };

    public string EventName(PositionEvent domainEvent) => domainEvent switch
    {
        PositionEvent.Initialized => "Initialized",
        PositionEvent.OnChainOrderFilled => "OnChainOrderFilled",
        PositionEvent.OffChainOrderPlaced => "OffChainOrderPlaced",
        PositionEvent.OffChainOrderFilled => "OffChainOrderFilled",
        PositionEvent.OffChainOrderFailed => "OffChainOrderFailed",
        PositionEvent.ThresholdUpdated => "ThresholdUpdated",
        _ => throw new ArgumentOutOfRangeException(nameof(domainEvent), domainEvent, "Unknown Position event."),
    };

    public void WriteEvent(Utf8JsonWriter writer, PositionEvent domainEvent) => PositionJson.WriteEvent(writer, domainEvent);

    public PositionEvent ReadEvent(string name, JsonElement body) => PositionJson.ReadEvent(name, body);

    public void WriteView(Utf8JsonWriter writer, Position state)
    {
        writer.WriteStartObject();
        writer.WriteString("symbol", state.Symbol.Value);
        writer.WriteDecimal("net", state.Net.Value);
        writer.WriteDecimal("accumulated_long", state.AccumulatedLong.Value);
        writer.WriteDecimal("accumulated_short", state.AccumulatedShort.Value);
        if (state.PendingExecutionId is { } pending)
            writer.WriteNumber("pending_execution_id", pending.Value);
        else
            writer.WriteNull("pending_execution_id");
        writer.WritePropertyName("threshold");
        PositionJson.WriteThreshold(writer, state.Threshold);
        writer.WriteOptionalDecimal("last_price_usdc", state.LastPriceUsdc?.Value);
        writer.WriteTimestamp("last_updated", state.LastUpdated);
        writer.WriteEndObject();
    }
}
