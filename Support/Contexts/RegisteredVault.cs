using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Support.Contexts;

/// <summary>A symbol's ERC-20 token and the bot's vault holding it, as the vault registry knows them.</summary>
public sealed record RegisteredVault(Symbol Symbol, string Token, string VaultId);
