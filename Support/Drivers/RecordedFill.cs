using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Support.Drivers;

/// <summary>An on-chain trade as the bot recorded it: the symbol, the bot's side, the shares and the price in USDC.</summary>
public sealed record RecordedFill(string Symbol, Direction Side, decimal Shares, decimal Price);
