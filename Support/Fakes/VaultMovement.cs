using System.Numerics;

namespace TradingBot.Acceptance.Support.Fakes;

/// <summary>One deposit into or withdrawal from a vault on the simulated Base chain, in the token's base units.</summary>
public sealed record VaultMovement(string Token, string VaultId, BigInteger Units, string TxHash);
