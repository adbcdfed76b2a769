using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Support.Parameters;

namespace TradingBot.Acceptance.Support.Drivers;

/// <summary>One row of a burst as a step gives it: which token, which side (from the bot's side), how much.</summary>
public sealed record ChainFillOrder(TokenizedEquity Token, Direction Side, decimal Quantity);
