using System.Globalization;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.OffchainOrders;

namespace TradingBot.Acceptance.Domain.Risk;

/// <summary>
/// The failures in a row the kill switch counts, read from <c>offchain_order_view</c> in the caller's transaction
/// rather than kept on the one <c>risk</c> stream (which would make every symbol wait for every other).
/// </summary>
internal static class OrderTotals
{
    private const string EndedAt =
        "coalesce(json_extract(payload, '$.Live.Filled.filled_at'), json_extract(payload, '$.Live.Failed.failed_at'))";

    private const string NeverReceived = "order never reached the broker";

    /// <summary>
    /// How many broker orders failed in a row, latest first, among those that ended after <paramref name="after"/>
    /// (the last reset): a fill ends the row; an order the broker never received (stale from pending, or not found) is skipped.
    /// </summary>
    public static int FailuresInARow(UnitOfWork unit, OffchainOrderAggregate orders, DateTimeOffset? after, int enough)
    {
        var condition = after is { } reset ? $"status IN ('Filled', 'Failed') AND {EndedAt} > '{Rfc3339.Format(reset)}'" : "status IN ('Filled', 'Failed')";
        var limit = (enough * 4 + 16).ToString(CultureInfo.InvariantCulture);
        var count = 0;
        foreach (var id in unit.QueryViewIds("offchain_order_view", condition, $"{EndedAt} DESC, CAST(view_id AS INTEGER) DESC LIMIT {limit}"))
        {
            switch (unit.Load(orders, id).State)
            {
                case OffchainOrder.Filled:
                    return count;
                case OffchainOrder.Failed { BrokerOrderId: null } failed
                    when failed.Error == ExecutionRecorder.StaleReason || failed.Error.StartsWith(NeverReceived, StringComparison.Ordinal):
                    continue;
                case OffchainOrder.Failed:
                    if (++count >= enough)
                        return count;
                    break;
            }
        }

        return count;
    }
}
