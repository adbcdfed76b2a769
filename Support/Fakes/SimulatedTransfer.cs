using System.Numerics;
using TradingBot.Acceptance.Domain.Bridging;

namespace TradingBot.Acceptance.Support.Fakes;

/// <summary>An ERC-20 transfer the bot sent on a simulated chain, in the token's base units.</summary>
public sealed record SimulatedTransfer(CctpChain Chain, string Token, string Recipient, BigInteger Units, string TxHash);
