using System.Globalization;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.OffchainOrders;
using TradingBot.Acceptance.Domain.Positions;

namespace TradingBot.Acceptance.Domain.Risk;

/// <summary>
/// The notional of the hedges placed since a UTC midnight, read from the orders themselves in the caller's
/// transaction: a filled order at its fill price, an open one at its symbol's last price, a failed one (the broker
/// refused it or never filled it) nothing. Execution ids are allocated in placement order, so the orders of the day
/// are a run of ids; the orders that ended are summed once and remembered (an ended order never changes), and only
/// the orders still open, or not ended yet when last seen, are read again at each decision.
/// </summary>
internal sealed class DailyNotional
{
    private readonly Lock gate = new();
    private readonly OffchainOrderAggregate orders = new();
    private readonly PositionAggregate positions = new();
    private DateTimeOffset day = DateTimeOffset.MinValue;
    private long settledUpTo = -1; // every id up to here has ended, or was placed before the day; -1: not looked for yet
    private decimal settled;

    /// <summary>The notional placed since <paramref name="dayStart"/>, as of <paramref name="unit"/>.</summary>
    public decimal PlacedSince(UnitOfWork unit, DateTimeOffset dayStart)
    {
        var lastId = unit.NextNumericId(orders.AggregateType) - 1;
        lock (gate)
        {
            if (dayStart != day)
            {
                settledUpTo = settledUpTo < 0 ? FirstOfTheDay(unit, dayStart, lastId) - 1 : settledUpTo;
                day = dayStart;
                settled = 0m;
            }

            var open = 0m;
            var contiguous = true;
            for (var id = settledUpTo + 1; id <= lastId; id++)
            {
                var order = unit.Load(orders, id.ToString(CultureInfo.InvariantCulture)).State;
                var ended = order is { IsTerminal: true } || order?.Terms.PlacedAt < dayStart;
                var notional = order is null || order.Terms.PlacedAt < dayStart ? 0m : Notional(unit, order);
                if (ended && contiguous)
                {
                    settled += notional;
                    settledUpTo = id;
                }
                else
                {
                    contiguous = false;
                    open += notional;
                }
            }

            return settled + open;
        }
    }

    private decimal Notional(UnitOfWork unit, OffchainOrder order) => order switch
    {
        OffchainOrder.Filled filled => filled.Price.Value * filled.Terms.Shares.Value,
        OffchainOrder.Failed => 0m,
        _ => (unit.Load(positions, order.Terms.Symbol.Value).State?.LastPriceUsdc?.Value ?? 0m) * order.Terms.Shares.Value,
    };

    // Orders are placed in id order: the first id placed since the day started, by bisection (an id not found counts as today's).
    private long FirstOfTheDay(UnitOfWork unit, DateTimeOffset dayStart, long lastId)
    {
        long low = 1, high = lastId + 1;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            var order = unit.Load(orders, middle.ToString(CultureInfo.InvariantCulture)).State;
            if (order is not null && order.Terms.PlacedAt < dayStart)
                low = middle + 1;
            else
                high = middle;
        }

        return low;
    }
}
