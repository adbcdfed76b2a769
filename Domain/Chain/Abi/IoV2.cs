using Nethereum.ABI.FunctionEncoding.Attributes;

namespace TradingBot.Acceptance.Domain.Chain.Abi;

/// <summary><c>IOV2 { address token; bytes32 vaultId; }</c>: one token an order receives or gives, and its vault.</summary>
public sealed class IoV2
{
    [Parameter("address", "token", 1)]
    public string Token { get; set; } = ChainAddress.Zero;

    [Parameter("bytes32", "vaultId", 2)]
    public byte[] VaultId { get; set; } = new byte[32];
}
