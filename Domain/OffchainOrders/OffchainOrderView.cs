using System.Globalization;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.OffchainOrders;

/// <summary>Reads broker orders: <c>offchain_order_view</c> finds them by status, replay gives their state.</summary>
public sealed class OffchainOrderView(EventStoreDatabase database)
{
    // An acknowledged order whose view row holds a cancel request (OrderDoubtJson writes it with the request).
    private const string HoldsCancelRequest =
        "(status = 'Submitted' AND json_extract(payload, '$.Live.Submitted.cancel_requested_at') IS NOT NULL)"
        + " OR (status = 'PartiallyFilled' AND json_extract(payload, '$.Live.PartiallyFilled.cancel_requested_at') IS NOT NULL)";

    private readonly OffchainOrderAggregate orders = new();

    public OffchainOrder? Load(ExecutionId executionId)
    {
        using var unit = database.BeginRead();
        return unit.Load(orders, executionId.ToString()).State;
    }

    /// <summary>Every order by execution id; optionally only those with one of the statuses (<c>Pending</c>, <c>Submitted</c>, …).</summary>
    public IReadOnlyList<TrackedOrder> All(params string[] statuses)
    {
        using var unit = database.BeginRead();
        return Find(unit, orders, statuses);
    }

    /// <summary>The orders of one symbol, by execution id.</summary>
    public IReadOnlyList<TrackedOrder> ForSymbol(Symbol symbol) =>
        All().Where(tracked => tracked.Order.Terms.Symbol == symbol).ToList();

    /// <summary>The orders in doubt (docs/domain.md §13): acknowledged, their cancel asked for, their end not yet told by the broker.</summary>
    public IReadOnlyList<TrackedOrder> InDoubt()
    {
        using var unit = database.BeginRead();
        return FindInDoubt(unit, orders);
    }

    /// <summary>
    /// The orders in doubt, by execution id. The view rows narrow the read to acknowledged orders whose row holds a cancel
    /// request (thousands of open orders are not loaded each time); <see cref="OffchainOrder.IsInDoubt"/> decides.
    /// </summary>
    internal static IReadOnlyList<TrackedOrder> FindInDoubt(UnitOfWork unit, OffchainOrderAggregate orders) =>
        Query(unit, orders, HoldsCancelRequest).Where(tracked => tracked.Order.IsInDoubt)
            .ToList();

    /// <summary>The failed orders the broker never acknowledged, failed with <paramref name="error"/>, with no late fill credited.</summary>
    internal static IReadOnlyList<TrackedOrder> FindUncreditedFailures(UnitOfWork unit, OffchainOrderAggregate orders, string error)
    {
        var condition = "status = 'Failed' AND json_extract(payload, '$.Live.Failed.broker_order_id') IS NULL"
            + " AND json_extract(payload, '$.Live.Failed.late_fill_shares') IS NULL"
            + $" AND json_extract(payload, '$.Live.Failed.error') = '{error.Replace("'", "''", StringComparison.Ordinal)}'";
        return unit.QueryViewIds("offchain_order_view", condition, "CAST(view_id AS INTEGER)")
            .Select(id => new TrackedOrder(new ExecutionId(long.Parse(id, CultureInfo.InvariantCulture)), unit.Load(orders, id).State!))
            .ToList();
    }

    internal static IReadOnlyList<TrackedOrder> Find(UnitOfWork unit, OffchainOrderAggregate orders, params string[] statuses)
    {
        if (statuses.Any(status => !status.All(char.IsAsciiLetter)))
            throw new ArgumentException("A status is a single word such as Submitted.", nameof(statuses));
        return Query(unit, orders, statuses.Length == 0 ? "1 = 1" : $"status IN ({string.Join(", ", statuses.Select(status => $"'{status}'"))})");
    }

    private static List<TrackedOrder> Query(UnitOfWork unit, OffchainOrderAggregate orders, string condition)
    {
        var loaded = unit.QueryView(orders, condition, "CAST(view_id AS INTEGER)");
        var tracked = new List<TrackedOrder>(loaded.Count); // thousands for the poller: sized once
        for (var index = 0; index < loaded.Count; index++)
            tracked.Add(new TrackedOrder(new ExecutionId(long.Parse(loaded[index].AggregateId, CultureInfo.InvariantCulture)), loaded[index].State!));
        return tracked;
    }
}
