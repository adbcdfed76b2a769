using Nethereum.ABI.FunctionEncoding.Attributes;

namespace TradingBot.Acceptance.Domain.Chain.Abi;

/// <summary>
/// <c>TakeOrderV3(address sender, TakeOrderConfigV4 config, Float input, Float output)</c>; nothing indexed.
/// <c>input</c> and <c>output</c> are the taker's: the order gave <c>input</c> and received <c>output</c>.
/// </summary>
[Event("TakeOrderV3")]
public sealed class TakeOrderV3Event : IEventDTO
{
    [Parameter("address", "sender", 1)]
    public string Sender { get; set; } = ChainAddress.Zero;

    [Parameter("tuple", "config", 2)]
    public TakeOrderConfigV4 Config { get; set; } = new();

    [Parameter("bytes32", "input", 3)]
    public byte[] Input { get; set; } = new byte[32];

    [Parameter("bytes32", "output", 4)]
    public byte[] Output { get; set; } = new byte[32];
}
