using Nethereum.ABI.FunctionEncoding.Attributes;

namespace TradingBot.Acceptance.Domain.Chain.Abi;

/// <summary><c>SignedContextV1 { address signer; bytes32[] context; bytes signature; }</c>.</summary>
public sealed class SignedContextV1
{
    [Parameter("address", "signer", 1)]
    public string Signer { get; set; } = ChainAddress.Zero;

    [Parameter("bytes32[]", "context", 2)]
    public List<byte[]> Context { get; set; } = [];

    [Parameter("bytes", "signature", 3)]
    public byte[] Signature { get; set; } = [];
}
