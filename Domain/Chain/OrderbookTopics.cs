using Nethereum.ABI.FunctionEncoding.Attributes;
using TradingBot.Acceptance.Domain.Chain.Abi;

namespace TradingBot.Acceptance.Domain.Chain;

/// <summary>
/// topic0 of the orderbook's events: Keccak-256 of each canonical signature, computed by Nethereum from the
/// same DTOs the logs are decoded with, so a field out of order changes the hash and a unit test notices.
/// </summary>
public static class OrderbookTopics
{
    public static string ClearV3 { get; } = Topic<ClearV3Event>();

    public static string TakeOrderV3 { get; } = Topic<TakeOrderV3Event>();

    public static string AfterClearV2 { get; } = Topic<AfterClearV2Event>();

    /// <summary>The events that may be fills of our orders (the live and backfill filter).</summary>
    public static IReadOnlyList<string> Fills { get; } = [ClearV3, TakeOrderV3];

    /// <summary>The canonical signature of an event DTO, e.g. <c>AfterClearV2(address,(bytes32,bytes32,bytes32,bytes32))</c>.</summary>
    public static string Signature<TEvent>() => new AttributesToABIExtractor().ExtractEventABI(typeof(TEvent)).Signature;

    private static string Topic<TEvent>() => "0x" + new AttributesToABIExtractor().ExtractEventABI(typeof(TEvent)).Sha3Signature;
}
