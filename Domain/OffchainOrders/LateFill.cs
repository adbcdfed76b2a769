using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.OffchainOrders;

/// <summary>A fill the broker reported for an order the bot had already failed: credited, never dropped.</summary>
public sealed record LateFill(BrokerOrderId BrokerOrderId, FractionalShares SharesFilled, Usd AvgPrice, DateTimeOffset RecordedAt);
