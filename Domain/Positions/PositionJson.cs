using System.Text.Json;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OnChainTrades;

namespace TradingBot.Acceptance.Domain.Positions;

/// <summary>The stored spelling of Position events: snake_case fields, decimals as strings, tagged unions.</summary>
internal static class PositionJson
{
    public static void WriteEvent(Utf8JsonWriter writer, PositionEvent domainEvent)
    {
        writer.WriteStartObject();
        switch (domainEvent)
        {
            case PositionEvent.Initialized initialized:
                writer.WriteString("symbol", initialized.Symbol.Value);
                writer.WritePropertyName("threshold");
                WriteThreshold(writer, initialized.Threshold);
                writer.WriteTimestamp("initialized_at", initialized.InitializedAt);
                break;
            case PositionEvent.OnChainOrderFilled filled:
                writer.WriteStartObject("trade_id");
                writer.WriteString("tx_hash", filled.TradeId.TxHash);
                writer.WriteNumber("log_index", filled.TradeId.LogIndex);
                writer.WriteEndObject();
                writer.WriteDecimal("amount", filled.Amount.Value);
                writer.WriteEnum("direction", filled.Direction);
                writer.WriteOptionalDecimal("price_usdc", filled.PriceUsdc?.Value);
                writer.WriteTimestamp("block_timestamp", filled.BlockTimestamp);
                writer.WriteTimestamp("seen_at", filled.SeenAt);
                break;
            case PositionEvent.OffChainOrderPlaced placed:
                writer.WriteNumber("execution_id", placed.ExecutionId.Value);
                writer.WriteDecimal("shares", placed.Shares.Value);
                writer.WriteEnum("direction", placed.Direction);
                writer.WriteEnum("executor", placed.Executor);
                writer.WritePropertyName("trigger_reason");
                WriteTrigger(writer, placed.TriggerReason);
                writer.WriteTimestamp("placed_at", placed.PlacedAt);
                break;
            case PositionEvent.OffChainOrderFilled filled:
                writer.WriteNumber("execution_id", filled.ExecutionId.Value);
                writer.WriteDecimal("shares_filled", filled.SharesFilled.Value);
                writer.WriteEnum("direction", filled.Direction);
                writer.WriteString("broker_order_id", filled.BrokerOrderId.Value);
                writer.WriteDecimal("price", filled.Price.Value);
                writer.WriteTimestamp("broker_timestamp", filled.BrokerTimestamp);
                break;
            case PositionEvent.OffChainOrderFailed failed:
                writer.WriteNumber("execution_id", failed.ExecutionId.Value);
                writer.WriteString("error", failed.Error);
                writer.WriteTimestamp("failed_at", failed.FailedAt);
                break;
            case PositionEvent.ThresholdUpdated updated:
                writer.WritePropertyName("old_threshold");
                WriteThreshold(writer, updated.OldThreshold);
                writer.WritePropertyName("new_threshold");
                WriteThreshold(writer, updated.NewThreshold);
                writer.WriteTimestamp("updated_at", updated.UpdatedAt);
                break;
        }

        writer.WriteEndObject();
    }

    public static PositionEvent ReadEvent(string name, JsonElement body) => name switch
    {
        "Initialized" => new PositionEvent.Initialized(
            new Symbol(body.GetText("symbol")), ReadThreshold(body.GetRequired("threshold")), body.GetTimestamp("initialized_at")),
        "OnChainOrderFilled" => new PositionEvent.OnChainOrderFilled(
            new TradeId(body.GetRequired("trade_id").GetText("tx_hash"), body.GetRequired("trade_id").GetInt64("log_index")),
            new FractionalShares(body.GetDecimal("amount")),
            body.GetEnum<Direction>("direction"),
            body.GetOptionalDecimal("price_usdc") is { } price ? new Usd(price) : null,
            body.GetTimestamp("block_timestamp"),
            body.GetTimestamp("seen_at")),
        "OffChainOrderPlaced" => new PositionEvent.OffChainOrderPlaced(
            new ExecutionId(body.GetInt64("execution_id")),
            new FractionalShares(body.GetDecimal("shares")),
            body.GetEnum<Direction>("direction"),
            body.GetEnum<SupportedExecutor>("executor"),
            ReadTrigger(body.GetRequired("trigger_reason")),
            body.GetTimestamp("placed_at")),
        "OffChainOrderFilled" => new PositionEvent.OffChainOrderFilled(
            new ExecutionId(body.GetInt64("execution_id")),
            new FractionalShares(body.GetDecimal("shares_filled")),
            body.GetEnum<Direction>("direction"),
            new BrokerOrderId(body.GetText("broker_order_id")),
            new Usd(body.GetDecimal("price")),
            body.GetTimestamp("broker_timestamp")),
        "OffChainOrderFailed" => new PositionEvent.OffChainOrderFailed(
            new ExecutionId(body.GetInt64("execution_id")), body.GetText("error"), body.GetTimestamp("failed_at")),
        "ThresholdUpdated" => new PositionEvent.ThresholdUpdated(
            ReadThreshold(body.GetRequired("old_threshold")), ReadThreshold(body.GetRequired("new_threshold")), body.GetTimestamp("updated_at")),
        _ => throw new JsonException($"Unknown Position event '{name}'."),
    };

    public static void WriteThreshold(Utf8JsonWriter writer, ExecutionThreshold threshold)
    {
        writer.WriteStartObject();
        switch (threshold)
        {
            case ExecutionThreshold.Shares shares:
                writer.WriteDecimal("Shares", shares.Count.Value);
                break;
            case ExecutionThreshold.DollarValue dollars:
                writer.WriteDecimal("DollarValue", dollars.Amount.Value);
                break;
        }

        writer.WriteEndObject();
    }

    public static ExecutionThreshold ReadThreshold(JsonElement threshold) =>
        threshold.GetOptionalDecimal("Shares") is { } shares
            ? new ExecutionThreshold.Shares(new FractionalShares(shares))
            : new ExecutionThreshold.DollarValue(new Usd(threshold.GetDecimal("DollarValue")));

    private static void WriteTrigger(Utf8JsonWriter writer, TriggerReason trigger)
    {
        writer.WriteStartObject();
        switch (trigger)
        {
            case TriggerReason.SharesThreshold shares:
                writer.WriteStartObject("SharesThreshold");
                writer.WriteDecimal("net_position_shares", shares.NetPositionShares.Value);
                writer.WriteDecimal("threshold_shares", shares.ThresholdShares.Value);
                writer.WriteEndObject();
                break;
            case TriggerReason.DollarThreshold dollars:
                writer.WriteStartObject("DollarThreshold");
                writer.WriteDecimal("net_position_shares", dollars.NetPositionShares.Value);
                writer.WriteDecimal("dollar_value", dollars.DollarValue.Value);
                writer.WriteDecimal("price_usdc", dollars.PriceUsdc.Value);
                writer.WriteDecimal("threshold_dollars", dollars.ThresholdDollars.Value);
                writer.WriteEndObject();
                break;
        }

        writer.WriteEndObject();
    }

    private static TriggerReason ReadTrigger(JsonElement trigger) =>
        trigger.TryGetProperty("SharesThreshold", out var shares)
            ? new TriggerReason.SharesThreshold(new FractionalShares(shares.GetDecimal("net_position_shares")), new FractionalShares(shares.GetDecimal("threshold_shares")))
            : trigger.GetRequired("DollarThreshold") is var dollars
                ? new TriggerReason.DollarThreshold(
                    new FractionalShares(dollars.GetDecimal("net_position_shares")),
                    new Usd(dollars.GetDecimal("dollar_value")),
                    new Usd(dollars.GetDecimal("price_usdc")),
                    new Usd(dollars.GetDecimal("threshold_dollars")))
                : throw new JsonException("Unknown trigger reason.");
}
