using Nethereum.ABI.FunctionEncoding.Attributes;

namespace TradingBot.Acceptance.Domain.Chain.Abi;

/// <summary><c>AfterClearV2(address sender, ClearStateChangeV2 clearStateChange)</c>: the amounts of the clear just before it.</summary>
[Event("AfterClearV2")]
public sealed class AfterClearV2Event : IEventDTO
{
    [Parameter("address", "sender", 1)]
    public string Sender { get; set; } = ChainAddress.Zero;

    [Parameter("tuple", "clearStateChange", 2)]
    public ClearStateChangeV2 ClearStateChange { get; set; } = new();
}
