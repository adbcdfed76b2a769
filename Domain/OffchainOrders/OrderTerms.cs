using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.OffchainOrders;

/// <summary>What was ordered, fixed at placement.</summary>
public sealed record OrderTerms(
    Symbol Symbol,
    FractionalShares Shares,
    Direction Direction,
    SupportedExecutor Executor,
    ClientOrderId ClientOrderId,
    DateTimeOffset PlacedAt);
