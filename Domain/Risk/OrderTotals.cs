using System.Globalization;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.OffchainOrders;
using TradingBot.Acceptance.Domain.Positions;

namespace TradingBot.Acceptance.Domain.Risk;

/// <summary>
/// The running totals the controls need, read from <c>offchain_order_view</c> in the caller's transaction
/// rather than kept on the one <c>risk</c> stream (which would make every symbol wait for every other).
/// </summary>
internal static class OrderTotals
{
    private const string EndedAt =
        "coalesce(json_extract(payload, '$.Live.Filled.filled_at'), json_extract(payload, '$.Live.Failed.failed_at'))";

    private const string NeverReceived = "order never reached the broker";

    /// <summary>
    /// The notional of the hedges placed since <paramref name="dayStart"/>: a filled order at its fill price,
    /// an open one at its symbol's last price; a placement the broker rejected (failed with no broker order id) counts nothing.
    /// </summary>
    public static Usd PlacedSince(UnitOfWork unit, OffchainOrderAggregate orders, PositionAggregate positions, DateTimeOffset dayStart)
    {
        var since = Rfc3339.Format(dayStart);
        var ids = unit.QueryViewIds("offchain_order_view", $"json_extract(payload, '$.Live.' || status || '.placed_at') >= '{since}'", "view_id");
        var total = 0m;
        foreach (var id in ids)
        {
            var order = unit.Load(orders, id).State;
            total += order switch
            {
                OffchainOrder.Filled filled => filled.Price.Value * filled.Terms.Shares.Value,
                OffchainOrder.Failed { BrokerOrderId: null } => 0m,
                { } open => (unit.Load(positions, open.Terms.Symbol.Value).State?.LastPriceUsdc?.Value ?? 0m) * open.Terms.Shares.Value,
                null => 0m,
            };
        }

        return new Usd(total);
    }

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
