using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OffchainOrders;
using TradingBot.Acceptance.Domain.Positions;
using OrderDecision = TradingBot.Acceptance.Domain.EventSourcing.Decision<
    TradingBot.Acceptance.Domain.OffchainOrders.OffchainOrderEvent,
    TradingBot.Acceptance.Domain.OffchainOrders.OffchainOrderError>;
using PositionDecision = TradingBot.Acceptance.Domain.EventSourcing.Decision<
    TradingBot.Acceptance.Domain.Positions.PositionEvent,
    TradingBot.Acceptance.Domain.Positions.PositionError>;

namespace TradingBot.Acceptance.Domain.Hedging;

/// <summary>Stale cleanup, orders in doubt and late fills (docs/domain.md §6.5 and §13).</summary>
internal sealed partial class ExecutionRecorder
{
    /// <summary>
    /// The stale cleanup of one symbol: a pending order never acknowledged fails after 10 minutes without
    /// status (§6.5); an acknowledged one is put in doubt instead: its cancel is requested (recorded once), its
    /// lease renewed so that the symbol stays blocked, and an hour on the operator is alerted, once (§13): only
    /// with <paramref name="raiseAlert"/>, by the checker, which also logs the alert after its commit.
    /// </summary>
    public StaleCleanup CleanUpStale(UnitOfWork unit, Symbol symbol, DateTimeOffset now, bool raiseAlert)
    {
        if (unit.Load(Positions, symbol.Value).State?.PendingExecutionId is not { } pending)
            return StaleCleanup.Nothing;
        var order = unit.Load(Orders, pending.ToString()).State;
        var lastProgress = unit.SymbolLocks.LockedAt(symbol) ?? order?.Terms.PlacedAt;
        var silent = now - lastProgress > StaleAfter;
        switch (order)
        {
            case OffchainOrder.Pending when silent:
                return FailExecution(unit, pending, symbol, StaleReason, now) ? new StaleCleanup(pending, null, null) : StaleCleanup.Nothing;
            case OffchainOrder.Submitted or OffchainOrder.PartiallyFilled when silent || order.IsInDoubt:
                var orderId = pending.ToString();
                unit.Execute(Orders, orderId, current => OffchainOrderDecider.Decide(current, new OffchainOrderCommand.RequestCancel(OrderDoubt.CancelReason), now));
                unit.SymbolLocks.Renew(symbol, now);
                var inDoubt = new InDoubtOrder(pending, order.Terms, BrokerOrderIdOf(order));
                if (!raiseAlert)
                    return new StaleCleanup(null, inDoubt, null);
                var alert = unit.Execute(Orders, orderId, current => OffchainOrderDecider.Decide(current, new OffchainOrderCommand.RaiseDoubtAlert(pending), now));
                return new StaleCleanup(null, inDoubt, alert is OrderDecision.Accepted { Events: [OffchainOrderEvent.OrderInDoubt raised] } ? raised.Since : null);
            default:
                return StaleCleanup.Nothing;
        }
    }

    /// <summary>
    /// What to record for a status the broker reported on an acknowledged order, or null when it could not be read
    /// (<see cref="RecordStatus(UnitOfWork, ExecutionId, OrderTerms, BrokerOrderId, BrokerOrderState)"/>).
    /// </summary>
    public Func<UnitOfWork, ExecutionOutcome>? RecordStatus(ExecutionId id, OrderTerms terms, BrokerOrderId brokerOrderId, BrokerOrderState state) =>
        IsReadable(state) ? unit => RecordStatus(unit, id, terms, brokerOrderId, state) : null;

    /// <summary>Whether the broker's answer tells a status to record: not when it could not be read; an unknown answer throws.</summary>
    public static bool IsReadable(BrokerOrderState state) => state switch
    {
        BrokerOrderState.Filled or BrokerOrderState.Failed or BrokerOrderState.CanceledAfterPartialFill or BrokerOrderState.Pending or BrokerOrderState.Submitted => true,
        BrokerOrderState.Unreadable => false,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown broker order state."),
    };

    /// <summary>
    /// Records a status the broker reported on an acknowledged order (<see cref="IsReadable"/>). An order that ended
    /// unfilled or part filled is settled as an order in doubt when its cancel was requested (looked at when the
    /// answer is recorded: the cleanup may have requested it meanwhile), else it failed.
    /// </summary>
    public ExecutionOutcome RecordStatus(UnitOfWork unit, ExecutionId id, OrderTerms terms, BrokerOrderId brokerOrderId, BrokerOrderState state) =>
        state switch
        {
            BrokerOrderState.Filled filled => RecordFill(unit, id, terms, brokerOrderId, filled),
            BrokerOrderState.Failed failed => RecordEnded(unit, id, terms, brokerOrderId, default, null, failed.FailedAt, failed.ErrorReason ?? NoErrorReason),
            BrokerOrderState.CanceledAfterPartialFill partial =>
                RecordEnded(unit, id, terms, brokerOrderId, partial.SharesFilled, partial.AvgPrice, partial.CanceledAt, partial.ErrorReason),
            BrokerOrderState.Pending or BrokerOrderState.Submitted => RenewLease(unit, id, terms.Symbol),
            _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Not a status to record."),
        };

    private ExecutionOutcome RecordEnded(
        UnitOfWork unit, ExecutionId id, OrderTerms terms, BrokerOrderId brokerOrderId, FractionalShares sharesFilled, Usd? avgPrice, DateTimeOffset endedAt, string reason) =>
        unit.Load(Orders, id.ToString()).State is { IsInDoubt: true }
            ? RecordCancelConfirmed(unit, id, terms, brokerOrderId, sharesFilled, avgPrice, endedAt)
            : RecordFailure(unit, id, terms.Symbol, reason);

    /// <summary>
    /// Records how an order in doubt ended at the broker (§13.3): nothing filled → failed, the checker hedges again;
    /// part filled → that part is credited to the position and the rest hedged again. The lease is released.
    /// </summary>
    public ExecutionOutcome RecordCancelConfirmed(
        UnitOfWork unit, ExecutionId id, OrderTerms terms, BrokerOrderId brokerOrderId, FractionalShares sharesFilled, Usd? avgPrice, DateTimeOffset endedAt)
    {
        var now = clock.GetUtcNow();
        if (unit.Execute(Orders, id.ToString(), order => OffchainOrderDecider.Decide(order, new OffchainOrderCommand.ConfirmCancel(sharesFilled, avgPrice), now))
            is OrderDecision.Rejected rejected)
            return new ExecutionOutcome.Superseded(id, rejected.Error.ToString());
        PositionCommand settle = sharesFilled.Value == 0m
            ? new PositionCommand.FailOffChainOrder(id, OrderDoubt.CanceledReason)
            : new PositionCommand.CompleteOffChainOrder(id, sharesFilled, terms.Direction, brokerOrderId, avgPrice!.Value, endedAt);
        if (unit.Execute(Positions, terms.Symbol.Value, position => PositionDecider.Decide(position, settle, now)) is PositionDecision.Rejected refused)
            throw new InvalidOperationException($"Order {id} ended at the broker but position {terms.Symbol} refused it: {refused.Error}");
        unit.SymbolLocks.Release(terms.Symbol);
        return sharesFilled.Value == 0m
            ? new ExecutionOutcome.Failed(id, OrderDoubt.CanceledReason)
            : new ExecutionOutcome.CanceledAfterPartialFill(id, sharesFilled, avgPrice!.Value);
    }

    /// <summary>
    /// Credits a fill found at the broker for an order failed before it was acknowledged (§13.5): on the order, and
    /// on the position, whose net then shows the truth; the checker hedges any over-hedge back.
    /// </summary>
    public ExecutionOutcome RecordLateFill(UnitOfWork unit, ExecutionId id, OrderTerms terms, BrokerOrderId brokerOrderId, FractionalShares sharesFilled, Usd price, DateTimeOffset filledAt)
    {
        var now = clock.GetUtcNow();
        if (unit.Execute(Orders, id.ToString(), order => OffchainOrderDecider.Decide(order, new OffchainOrderCommand.RecordLateFill(brokerOrderId, sharesFilled, price), now))
            is OrderDecision.Rejected rejected)
            return new ExecutionOutcome.Superseded(id, rejected.Error.ToString());
        var credit = new PositionCommand.CreditLateFill(id, sharesFilled, terms.Direction, brokerOrderId, price, filledAt);
        if (unit.Execute(Positions, terms.Symbol.Value, position => PositionDecider.Decide(position, credit, now)) is PositionDecision.Rejected refused)
            throw new InvalidOperationException($"Order {id} filled late but position {terms.Symbol} refused it: {refused.Error}");
        return new ExecutionOutcome.LateFill(id, sharesFilled, price);
    }

    private static BrokerOrderId BrokerOrderIdOf(OffchainOrder order) => order switch
    {
        OffchainOrder.Submitted submitted => submitted.BrokerOrderId,
        OffchainOrder.PartiallyFilled partial => partial.BrokerOrderId,
        _ => throw new ArgumentOutOfRangeException(nameof(order), order.Status, "Only an acknowledged order has a broker order id."),
    };
}
