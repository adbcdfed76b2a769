using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.OffchainOrders;

namespace TradingBot.Acceptance.Domain.OrderStatus;

/// <summary>
/// Follows broker orders to their end (DOMAIN §6.4): reads the status of every submitted order of
/// this executor, records fills and failures, renews the lease of open orders, and looks up pending
/// orders whose placement outcome is unknown. Runs every <see cref="Interval"/> (plus up to
/// <see cref="MaxJitter"/>); drivers advance the clock and call it.
/// </summary>
public sealed class OrderStatusPoller
{
    public const string NoErrorReason = "Order failed with no error reason";
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan MaxJitter = TimeSpan.FromSeconds(5);

    private readonly SqliteDatabase database;
    private readonly IExecutor executor;
    private readonly HedgingGuards guards;
    private readonly ExecutionRecorder recorder;

    public OrderStatusPoller(SqliteDatabase database, IExecutor executor, TimeProvider clock, HedgingGuards guards)
    {
        this.database = database;
        this.executor = executor;
        this.guards = guards;
        recorder = new ExecutionRecorder(database, clock, guards);
    }

    /// <summary>One poll cycle over every open order, by execution id; returns what happened to each.</summary>
    public async Task<IReadOnlyList<ExecutionOutcome>> PollPendingOrdersAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<TrackedOrder> open;
        using (var unit = database.BeginRead())
            open = OffchainOrderView.Find(unit, recorder.Orders, "Pending", "Submitted", "PartiallyFilled");
        var outcomes = new List<ExecutionOutcome>();
        foreach (var (executionId, order) in open.Where(tracked => tracked.Order.Terms.Executor == executor.Kind))
        {
            var outcome = order switch
            {
                OffchainOrder.Submitted submitted => await PollAsync(executionId, order.Terms, submitted.BrokerOrderId, cancellationToken).ConfigureAwait(false),
                OffchainOrder.PartiallyFilled partial => await PollAsync(executionId, order.Terms, partial.BrokerOrderId, cancellationToken).ConfigureAwait(false),
                _ when guards.IsPlacing(executionId) => null,
                _ => await ReconcileAsync(executionId, order.Terms, cancellationToken).ConfigureAwait(false),
            };
            if (outcome is null)
                continue;
            outcomes.Add(outcome);
            if (outcome is ExecutionOutcome.Unknown { Failure.Kind: BrokerFailureKind.RateLimited })
                break; // 429: this cycle ends here, the next one comes after Retry-After
        }

        return outcomes;
    }

    private async Task<ExecutionOutcome> PollAsync(ExecutionId executionId, OrderTerms terms, BrokerOrderId brokerOrderId, CancellationToken cancellationToken)
    {
        var state = await executor.GetOrderStatusAsync(brokerOrderId, cancellationToken).ConfigureAwait(false);
        return state switch
        {
            BrokerOrderState.Filled filled => await recorder.RecordFillAsync(executionId, terms, brokerOrderId, filled, cancellationToken).ConfigureAwait(false),
            BrokerOrderState.Failed failed => await recorder.RecordFailureAsync(executionId, terms.Symbol, failed.ErrorReason ?? NoErrorReason, cancellationToken).ConfigureAwait(false),
            BrokerOrderState.Pending or BrokerOrderState.Submitted => await recorder.RenewLeaseAsync(executionId, terms.Symbol, cancellationToken).ConfigureAwait(false),
            BrokerOrderState.Unreadable unreadable => new ExecutionOutcome.Unknown(executionId, unreadable.Failure),
            _ => throw new ArgumentOutOfRangeException(nameof(brokerOrderId), state, "Unknown broker order state."),
        };
    }

    // A pending order nobody is placing: its placement's outcome is unknown (a lookup failed, or a crash).
    // "Pending" is as of this cycle's read: a placement may have finished since, so a failure is only recorded
    // if the order is still pending when it is written.
    private async Task<ExecutionOutcome> ReconcileAsync(ExecutionId executionId, OrderTerms terms, CancellationToken cancellationToken)
    {
        var lookup = await executor.FindByClientOrderIdAsync(terms.ClientOrderId, cancellationToken).ConfigureAwait(false);
        return lookup switch
        {
            ClientOrderLookup.Found found => await recorder.RecordSubmissionAsync(executionId, terms.Symbol, found.OrderId, cancellationToken).ConfigureAwait(false),
            ClientOrderLookup.NotFound => await recorder.RecordNeverPlacedAsync(
                executionId, terms.Symbol, $"order never reached the broker (client order id {terms.ClientOrderId} not found)", cancellationToken).ConfigureAwait(false),
            ClientOrderLookup.Failed failed => new ExecutionOutcome.Unknown(executionId, failed.Failure),
            _ => throw new ArgumentOutOfRangeException(nameof(terms), lookup, "Unknown lookup result."),
        };
    }

}
