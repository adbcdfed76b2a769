using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.TokenizedEquityMints;

/// <summary>What was asked for at <c>RequestMint</c>; every later state keeps it.</summary>
public sealed record MintTerms(Symbol Symbol, FractionalShares Quantity, string Wallet, DateTimeOffset RequestedAt);
