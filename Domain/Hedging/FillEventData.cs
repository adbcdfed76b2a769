using System.Buffers;
using System.Globalization;
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
                Number(body, "amount"),
                body.GetEnum<Direction>("direction"),
                Number(body, "price_usdc"),
                chainEvent.BlockNumber,
                chainEvent.BlockTimestamp ?? DateTimeOffset.UnixEpoch);
        }
        catch (UnreadableNumberException unreadable)
        {
            return new FillValidation.Invalid(unreadable.Error);
        }
        catch (Exception exception) when (exception is JsonException or FormatException or OverflowException or InvalidOperationException)
        {
            return new FillValidation.Invalid(new TradeInputError("event_data", "Undecodable", exception.Message));
        }
    }

    // What a plain decimal is written with, checked on the span: every queued fill is read.
    private static readonly SearchValues<char> DigitsAndPoint = SearchValues.Create("0123456789.");

    /// <summary>Tokens carry 18 decimals on-chain: a finer quantity cannot be a fill.</summary>
    public const int MaxDecimals = 18;

    // A quantity or price exactly as written, or an error naming the field, the value and the rule:
    // decimal.Parse would round past 28 digits without a word and throw a bare overflow.
    private static decimal Number(JsonElement body, string field)
    {
        var text = body.GetText(field);
        var digits = text.AsSpan(text.StartsWith('-') ? 1 : 0);
        var point = digits.IndexOf('.');
        if (digits.Length == 0 || digits.ContainsAnyExcept(DigitsAndPoint) || point != digits.LastIndexOf('.')
            || point == 0 || point == digits.Length - 1)
            throw new UnreadableNumberException(new TradeInputError(field, "NotANumber", $"must be a decimal number such as 1.25, was '{text}'"));
        var decimals = point < 0 ? 0 : digits.Length - point - 1;
        if (decimals > MaxDecimals)
            throw new UnreadableNumberException(new TradeInputError(field, "TooPrecise",
                string.Create(CultureInfo.InvariantCulture, $"must have at most {MaxDecimals} decimals, was '{text}' ({decimals} decimals)")));
        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new UnreadableNumberException(new TradeInputError(field, "Overflow",
                string.Create(CultureInfo.InvariantCulture, $"must be at most {decimal.MaxValue}, was '{text}'")));
    }

    private sealed class UnreadableNumberException(TradeInputError error) : Exception(error.ToString())
    {
        public TradeInputError Error { get; } = error;
    }

    /// <summary>A queue entry for a fill, with the data above.</summary>
    public static ChainEvent ForFill(string txHash, long logIndex, long blockNumber, DateTimeOffset blockTimestamp, string tokenSymbol, decimal amount, Direction direction, decimal priceUsdc) =>
        new(txHash, logIndex, blockNumber, blockTimestamp, Write(tokenSymbol, amount, direction, priceUsdc));

}
