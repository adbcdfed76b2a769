using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.EquityRedemptions;

/// <summary>What was sent at <c>SendTokens</c>; every later state keeps it.</summary>
public sealed record RedemptionTerms(
    Symbol Symbol, FractionalShares Quantity, string RedemptionWallet, string TxHash, DateTimeOffset SentAt);
