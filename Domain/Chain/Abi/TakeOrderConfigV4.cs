using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace TradingBot.Acceptance.Domain.Chain.Abi;

/// <summary><c>TakeOrderConfigV4 { OrderV4 order; uint256 inputIOIndex; uint256 outputIOIndex; SignedContextV1[] signedContext; }</c>.</summary>
public sealed class TakeOrderConfigV4
{
    [Parameter("tuple", "order", 1)]
    public OrderV4 Order { get; set; } = new();

    [Parameter("uint256", "inputIOIndex", 2)]
    public BigInteger InputIoIndex { get; set; }

    [Parameter("uint256", "outputIOIndex", 3)]
    public BigInteger OutputIoIndex { get; set; }

    [Parameter("tuple[]", "signedContext", 4)]
    public List<SignedContextV1> SignedContext { get; set; } = [];
}
