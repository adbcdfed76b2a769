namespace TradingBot.Acceptance.Domain.OffchainOrders;

/// <summary>The cancel the bot asked for, and whether the operator was already alerted that the order is still in doubt.</summary>
public sealed record CancelRequest(string Reason, DateTimeOffset RequestedAt, bool AlertRaised = false);
