using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace TradingBot.Acceptance.Domain.Chain.Abi;

/// <summary>
/// <c>ClearConfigV2 { uint256 aliceInputIOIndex; uint256 aliceOutputIOIndex; uint256 bobInputIOIndex;
/// uint256 bobOutputIOIndex; bytes32 aliceBountyVaultId; bytes32 bobBountyVaultId; }</c>.
/// </summary>
public sealed class ClearConfigV2
{
    [Parameter("uint256", "aliceInputIOIndex", 1)]
    public BigInteger AliceInputIoIndex { get; set; }

    [Parameter("uint256", "aliceOutputIOIndex", 2)]
    public BigInteger AliceOutputIoIndex { get; set; }

    [Parameter("uint256", "bobInputIOIndex", 3)]
    public BigInteger BobInputIoIndex { get; set; }

    [Parameter("uint256", "bobOutputIOIndex", 4)]
    public BigInteger BobOutputIoIndex { get; set; }

    [Parameter("bytes32", "aliceBountyVaultId", 5)]
    public byte[] AliceBountyVaultId { get; set; } = new byte[32];

    [Parameter("bytes32", "bobBountyVaultId", 6)]
    public byte[] BobBountyVaultId { get; set; } = new byte[32];
}
