using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OffchainOrders;

namespace TradingBot.Acceptance.Domain.Hedging;

/// <summary>
/// What the stale cleanup did to a symbol's pending execution: failed it (never acknowledged), or holds it in
/// doubt (acknowledged, no status for 10 minutes), with the alert it raised, if it raised one now.
/// </summary>
internal sealed record StaleCleanup(ExecutionId? Failed, InDoubtOrder? InDoubt, DateTimeOffset? AlertSince)
{
    public static readonly StaleCleanup Nothing = new(null, null, null);
}

/// <summary>An order in doubt: the broker is asked to cancel it until it says how the order ended.</summary>
internal sealed record InDoubtOrder(ExecutionId ExecutionId, OrderTerms Terms, BrokerOrderId BrokerOrderId);
