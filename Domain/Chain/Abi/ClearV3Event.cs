using Nethereum.ABI.FunctionEncoding.Attributes;

namespace TradingBot.Acceptance.Domain.Chain.Abi;

/// <summary><c>ClearV3(address sender, OrderV4 alice, OrderV4 bob, ClearConfigV2 clearConfig)</c>; nothing indexed.</summary>
[Event("ClearV3")]
public sealed class ClearV3Event : IEventDTO
{
    [Parameter("address", "sender", 1)]
    public string Sender { get; set; } = ChainAddress.Zero;

    [Parameter("tuple", "alice", 2)]
    public OrderV4 Alice { get; set; } = new();

    [Parameter("tuple", "bob", 3)]
    public OrderV4 Bob { get; set; } = new();

    [Parameter("tuple", "clearConfig", 4)]
    public ClearConfigV2 ClearConfig { get; set; } = new();
}
