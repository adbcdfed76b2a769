using TradingBot.Acceptance.Domain.Bridging;
using TradingBot.Acceptance.Domain.Rebalancing.Alpaca;
using TradingBot.Acceptance.Domain.Rebalancing.Onchain;

namespace TradingBot.Acceptance.Domain.Rebalancing;

/// <summary>The outside world the rebalancing managers talk to: Alpaca's tokenization and wallet APIs, Circle, and our contracts on-chain.</summary>
public sealed record RebalancingPorts(
    ITokenizationApi Tokenization,
    IAlpacaWallet Wallet,
    IUsdcConversion Conversion,
    ICctpAttestation Attestation,
    ICctpBridge Bridge,
    IVault Vault,
    IErc20Transfer Erc20);
