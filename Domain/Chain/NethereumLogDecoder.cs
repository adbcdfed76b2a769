using Nethereum.ABI.FunctionEncoding;
using TradingBot.Acceptance.Domain.Chain.Abi;

namespace TradingBot.Acceptance.Domain.Chain;

/// <summary>
/// The reference decoding of the orderbook's logs: Nethereum's attribute decoder over the same DTOs (reflection on
/// every log). The bot decodes with <see cref="OrderbookAbi"/>; the unit tests and the decode benchmark compare the two.
/// </summary>
public static class NethereumLogDecoder
{
    public static ClearV3Event DecodeClear(ChainLog log) => OrderbookLogDecoder.Decode(log, "ClearV3", Decode<ClearV3Event>);

    public static TakeOrderV3Event DecodeTakeOrder(ChainLog log) => OrderbookLogDecoder.Decode(log, "TakeOrderV3", Decode<TakeOrderV3Event>);

    public static AfterClearV2Event DecodeAfterClear(ChainLog log) => OrderbookLogDecoder.Decode(log, "AfterClearV2", Decode<AfterClearV2Event>);

    private static TEvent Decode<TEvent>(byte[] data)
        where TEvent : new() =>
        (TEvent)new ParameterDecoder().DecodeAttributes(data, typeof(TEvent));
}
