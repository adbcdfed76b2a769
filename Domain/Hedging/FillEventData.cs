using System.Buffers;
using System.Text;
using System.Text.Json;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OnChainTrades;

namespace TradingBot.Acceptance.Domain.Hedging;

/// <summary>
/// The <c>event_data</c> of a queued fill of our order:
/// <c>{"token_symbol":"tAAPL","amount":"0.6","direction":"Sell","price_usdc":"100"}</c>; the id and
/// block come from the queue row.
/// </summary>
public static class FillEventData
{
    public static string Write(string tokenSymbol, decimal amount, Direction direction, decimal priceUsdc)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("token_symbol", tokenSymbol);
            writer.WriteDecimal("amount", amount);
            writer.WriteEnum("direction", direction);
            writer.WriteDecimal("price_usdc", priceUsdc);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Turns a queue row into a checked fill, or an error naming the field that is wrong or missing.</summary>
    public static FillValidation Read(ChainEvent chainEvent)
    {
        try
        {
            using var document = JsonDocument.Parse(chainEvent.EventData);
            var body = document.RootElement;
            return OnChainFill.Create(
                chainEvent.TxHash,
                chainEvent.LogIndex,
                body.GetText("token_symbol"),
                body.GetDecimal("amount"),
                body.GetEnum<Direction>("direction"),
                body.GetDecimal("price_usdc"),
                chainEvent.BlockNumber,
                chainEvent.BlockTimestamp ?? DateTimeOffset.UnixEpoch);
        }
        catch (Exception exception) when (exception is JsonException or FormatException or OverflowException or InvalidOperationException)
        {
            return new FillValidation.Invalid(new TradeInputError("event_data", "Undecodable", exception.Message));
        }
    }

    /// <summary>A queue entry for a fill, with the data above.</summary>
    public static ChainEvent ForFill(string txHash, long logIndex, long blockNumber, DateTimeOffset blockTimestamp, string tokenSymbol, decimal amount, Direction direction, decimal priceUsdc) =>
        new(txHash, logIndex, blockNumber, blockTimestamp, Write(tokenSymbol, amount, direction, priceUsdc));

}
