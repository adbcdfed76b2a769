using Nethereum.ABI.FunctionEncoding.Attributes;

namespace TradingBot.Acceptance.Domain.Chain.Abi;

/// <summary>
/// <c>OrderV4 { address owner; EvaluableV4 evaluable; IOV2[] validInputs; IOV2[] validOutputs; bytes32 nonce; }</c>.
/// Inputs are what the owner receives, outputs what it gives.
/// </summary>
public sealed class OrderV4
{
    [Parameter("address", "owner", 1)]
    public string Owner { get; set; } = ChainAddress.Zero;

    [Parameter("tuple", "evaluable", 2)]
    public EvaluableV4 Evaluable { get; set; } = new();

    [Parameter("tuple[]", "validInputs", 3)]
    public List<IoV2> ValidInputs { get; set; } = [];

    [Parameter("tuple[]", "validOutputs", 4)]
    public List<IoV2> ValidOutputs { get; set; } = [];

    [Parameter("bytes32", "nonce", 5)]
    public byte[] Nonce { get; set; } = new byte[32];
}
