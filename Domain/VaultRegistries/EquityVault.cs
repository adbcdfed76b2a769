using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.VaultRegistries;

/// <summary>Our vault of one tokenized equity on the order book.</summary>
public sealed record EquityVault(string Token, string VaultId, string DiscoveredIn, Symbol Symbol);
