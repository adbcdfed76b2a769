using System.Globalization;
using System.Text.Json;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.OnChainTrades;

/// <summary>How <c>OnChainTrade</c> (id <c>"{tx_hash}:{log_index}"</c>) folds, is stored and is viewed.</summary>
public sealed class OnChainTradeAggregate : IAggregate<OnChainTrade, OnChainTradeEvent>
{
    public string AggregateType => "OnChainTrade";

    public string? ViewTable => "onchain_trade_view";

    public OnChainTrade Evolve(OnChainTrade? state, OnChainTradeEvent domainEvent) =>
        (state, domainEvent) switch
        {
            (null, OnChainTradeEvent.Filled filled) => new OnChainTrade(
                filled.Symbol, filled.Amount, filled.Direction, filled.PriceUsdc, filled.BlockNumber, filled.BlockTimestamp, filled.FilledAt, Enrichment: null),
            (not null, OnChainTradeEvent.Filled) => throw new CorruptStreamException(new LifecycleError.AlreadyInitialized()),
            (null, _) => throw new CorruptStreamException(new LifecycleError.Uninitialized()),
            ({ Enrichment: null }, OnChainTradeEvent.Enriched enriched) => state with
            {
                Enrichment = new OnChainTradeEnrichment(enriched.GasUsed, enriched.PythPrice, enriched.EnrichedAt),
            },
            _ => throw new CorruptStreamException(state, domainEvent),
        };

    public string EventName(OnChainTradeEvent domainEvent) => domainEvent switch
    {
        OnChainTradeEvent.Filled => "Filled",
        OnChainTradeEvent.Enriched => "Enriched",
        _ => throw new ArgumentOutOfRangeException(nameof(domainEvent), domainEvent, "Unknown OnChainTrade event."),
    };

    public void WriteEvent(Utf8JsonWriter writer, OnChainTradeEvent domainEvent)
    {
        writer.WriteStartObject();
        switch (domainEvent)
        {
            case OnChainTradeEvent.Filled filled:
                WriteFill(writer, filled.Symbol, filled.Amount, filled.Direction, filled.PriceUsdc, filled.BlockNumber, filled.BlockTimestamp);
                writer.WriteTimestamp("filled_at", filled.FilledAt);
                break;
            case OnChainTradeEvent.Enriched enriched:
                WriteEnrichment(writer, enriched.GasUsed, enriched.PythPrice);
                writer.WriteTimestamp("enriched_at", enriched.EnrichedAt);
                break;
        }

        writer.WriteEndObject();
    }

    public OnChainTradeEvent ReadEvent(string name, JsonElement body) => name switch
    {
        "Filled" => new OnChainTradeEvent.Filled(
            new Symbol(body.GetText("symbol")),
            new FractionalShares(body.GetDecimal("amount")),
            body.GetEnum<Direction>("direction"),
            new Usd(body.GetDecimal("price_usdc")),
            body.GetInt64("block_number"),
            body.GetTimestamp("block_timestamp"),
            body.GetTimestamp("filled_at")),
        "Enriched" => new OnChainTradeEvent.Enriched(body.GetInt64("gas_used"), ReadPythPrice(body.GetRequired("pyth_price")), body.GetTimestamp("enriched_at")),
        _ => throw new JsonException($"Unknown OnChainTrade event '{name}'."),
    };

    public void WriteView(Utf8JsonWriter writer, OnChainTrade state)
    {
        writer.WriteStartObject();
        WriteFill(writer, state.Symbol, state.Amount, state.Direction, state.PriceUsdc, state.BlockNumber, state.BlockTimestamp);
        writer.WriteTimestamp("filled_at", state.FilledAt);
        if (state.Enrichment is { } enrichment)
        {
            WriteEnrichment(writer, enrichment.GasUsed, enrichment.PythPrice);
            writer.WriteTimestamp("enriched_at", enrichment.EnrichedAt);
        }

        writer.WriteEndObject();
    }

    private static void WriteFill(Utf8JsonWriter writer, Symbol symbol, FractionalShares amount, Direction direction, Usd price, long blockNumber, DateTimeOffset blockTimestamp)
    {
        writer.WriteString("symbol", symbol.Value);
        writer.WriteDecimal("amount", amount.Value);
        writer.WriteEnum("direction", direction);
        writer.WriteDecimal("price_usdc", price.Value);
        writer.WriteNumber("block_number", blockNumber);
        writer.WriteTimestamp("block_timestamp", blockTimestamp);
    }

    private static void WriteEnrichment(Utf8JsonWriter writer, long gasUsed, PythPrice price)
    {
        writer.WriteNumber("gas_used", gasUsed);
        writer.WriteStartObject("pyth_price");
        writer.WriteString("value", price.Value.ToString(CultureInfo.InvariantCulture));
        writer.WriteNumber("expo", price.Expo);
        writer.WriteString("conf", price.Conf.ToString(CultureInfo.InvariantCulture));
        writer.WriteTimestamp("publish_time", price.PublishTime);
        writer.WriteEndObject();
    }

    private static PythPrice ReadPythPrice(JsonElement body) =>
        new(
            long.Parse(body.GetText("value"), CultureInfo.InvariantCulture),
            body.GetRequired("expo").GetInt32(),
            ulong.Parse(body.GetText("conf"), CultureInfo.InvariantCulture),
            body.GetTimestamp("publish_time"));
}
