using System.Numerics;

namespace TradingBot.Acceptance.Domain.Bridging;

/// <summary>What <c>receiveMessage</c>'s <c>MintAndWithdraw</c> event reports, in USDC base units.</summary>
public sealed record CctpMintReceipt(string TxHash, BigInteger Amount, BigInteger FeeCollected);
