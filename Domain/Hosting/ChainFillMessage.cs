using System.Globalization;
using System.Text.Json;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;

namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>
/// One message of the chain feed: a fill of our order,
/// <c>{"tx_hash":"0x…","log_index":3,"block_number":101,"block_timestamp":"2025-01-06T15:00:00Z",
/// "token_symbol":"tAAPL","amount":"0.5","direction":"Sell","price":"100"}</c>.
/// It becomes an event queue entry; the queue processor checks the fill itself (bad fills are dead letters).
/// </summary>
public static class ChainFillMessage
{
    public static string Write(ChainFill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("tx_hash", fill.TxHash);
            writer.WriteNumber("log_index", fill.LogIndex);
            writer.WriteNumber("block_number", fill.BlockNumber);
            writer.WriteTimestamp("block_timestamp", fill.BlockTimestamp);
            writer.WriteString("token_symbol", fill.TokenSymbol);
            writer.WriteDecimal("amount", fill.Amount);
            writer.WriteEnum("direction", fill.Direction);
            writer.WriteDecimal("price", fill.Price);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads a message; a message that is not a fill at all throws <see cref="JsonException"/> naming the field.</summary>
    public static ChainEvent Read(ReadOnlySpan<byte> message)
    {
        using var document = JsonDocument.Parse(message.ToArray());
        var body = document.RootElement;
        var fill = new ChainFill(
            Text(body, "tx_hash"),
            Number(body, "log_index"),
            Number(body, "block_number"),
            Rfc3339.Parse(Text(body, "block_timestamp")),
            Text(body, "token_symbol"),
            Amount(body, "amount"),
            Enum.Parse<Direction>(Text(body, "direction")),
            Amount(body, "price"));
        return FillEventData.ForFill(fill.TxHash, fill.LogIndex, fill.BlockNumber, fill.BlockTimestamp, fill.TokenSymbol, fill.Amount, fill.Direction, fill.Price);
    }

    private static JsonElement Field(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) ? value : throw new JsonException($"Chain feed message has no '{name}'.");

    private static string Text(JsonElement body, string name) =>
        Field(body, name).GetString() ?? throw new JsonException($"Chain feed message has a null '{name}'.");

    private static long Number(JsonElement body, string name) => Field(body, name).GetInt64();

    private static decimal Amount(JsonElement body, string name) => decimal.Parse(Text(body, name), NumberStyles.Number, CultureInfo.InvariantCulture);
}
