using Nethereum.ABI.FunctionEncoding.Attributes;

namespace TradingBot.Acceptance.Domain.Chain.Abi;

/// <summary>
/// <c>ClearStateChangeV2 { Float aliceOutput; Float bobOutput; Float aliceInput; Float bobInput; }</c>: the vault
/// movements of a clear, each a rain <see cref="RainFloat"/> word.
/// </summary>
public sealed class ClearStateChangeV2
{
    [Parameter("bytes32", "aliceOutput", 1)]
    public byte[] AliceOutput { get; set; } = new byte[32];

    [Parameter("bytes32", "bobOutput", 2)]
    public byte[] BobOutput { get; set; } = new byte[32];

    [Parameter("bytes32", "aliceInput", 3)]
    public byte[] AliceInput { get; set; } = new byte[32];

    [Parameter("bytes32", "bobInput", 4)]
    public byte[] BobInput { get; set; } = new byte[32];
}
