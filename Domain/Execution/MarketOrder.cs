using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.Execution;

/// <summary>A hedge as sent to the broker: the symbol is already renamed for the broker.</summary>
public sealed record MarketOrder(Symbol Symbol, FractionalShares Shares, Direction Direction, ClientOrderId ClientOrderId);
