using TradingBot.Acceptance.Domain.Chain.Abi;

namespace TradingBot.Acceptance.Domain.Chain;

/// <summary>
/// Decodes the <c>data</c> of the orderbook's logs from their fixed ABI layout (<see cref="OrderbookAbi"/>). No
/// parameter is indexed, so topic0 only says which event it is. Data that does not decode throws
/// <see cref="UnreadableLogException"/> naming the log.
/// </summary>
public static class OrderbookLogDecoder
{
    public static bool IsClear(ChainLog log) => Is(log, OrderbookTopics.ClearV3);

    public static bool IsTakeOrder(ChainLog log) => Is(log, OrderbookTopics.TakeOrderV3);

    public static bool IsAfterClear(ChainLog log) => Is(log, OrderbookTopics.AfterClearV2);

    public static ClearV3Event DecodeClear(ChainLog log) => Decode(log, "ClearV3", data => OrderbookAbi.DecodeClear(data));

    public static TakeOrderV3Event DecodeTakeOrder(ChainLog log) => Decode(log, "TakeOrderV3", data => OrderbookAbi.DecodeTakeOrder(data));

    public static AfterClearV2Event DecodeAfterClear(ChainLog log) => Decode(log, "AfterClearV2", data => OrderbookAbi.DecodeAfterClear(data));

    /// <summary>Decodes a log's data with <paramref name="decode"/>; any failure becomes an <see cref="UnreadableLogException"/> naming the log.</summary>
    public static TEvent Decode<TEvent>(ChainLog log, string name, Func<byte[], TEvent> decode)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(decode);
        try
        {
            var data = log.Data.Bytes;
            if (data.Length == 0 || data.Length % 32 != 0)
                throw new UnreadableLogException($"{name} data of {data.Length} bytes is not whole ABI words");
            return decode(data);
        }
        catch (Exception exception) when (exception is not UnreadableLogException and not OutOfMemoryException)
        {
            throw new UnreadableLogException($"{name} at {log.Where} does not decode: {exception.Message}", exception);
        }
        catch (UnreadableLogException exception) when (!exception.Message.Contains(log.Where, StringComparison.Ordinal))
        {
            throw new UnreadableLogException($"{name} at {log.Where} does not decode: {exception.Message}", exception);
        }
    }

    private static bool Is(ChainLog log, string topic) => string.Equals(log.Topic0, topic, StringComparison.OrdinalIgnoreCase);
}
