using System.Numerics;
using TradingBot.Acceptance.Domain.Bridging;

namespace TradingBot.Acceptance.Support.Drivers;

/// <summary>One ERC-20 transfer the bot sent on a chain, in the token's base units.</summary>
public sealed record TokenTransfer(CctpChain Chain, string Token, string Recipient, BigInteger Units);
