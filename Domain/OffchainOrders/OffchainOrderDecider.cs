using OrderDecision = TradingBot.Acceptance.Domain.EventSourcing.Decision<
    TradingBot.Acceptance.Domain.OffchainOrders.OffchainOrderEvent,
    TradingBot.Acceptance.Domain.OffchainOrders.OffchainOrderError>;

namespace TradingBot.Acceptance.Domain.OffchainOrders;

public static class OffchainOrderDecider
{
    public static OrderDecision Decide(OffchainOrder? order, OffchainOrderCommand command, DateTimeOffset now) =>
        (order, command) switch
        {
            (null, OffchainOrderCommand.Place place) => Accept(new OffchainOrderEvent.Placed(
                place.Symbol, place.Shares, place.Direction, place.Executor, place.ClientOrderId, now)),
            (not null, OffchainOrderCommand.Place) => Reject(new OffchainOrderError.AlreadyPlaced()),
            (null, _) => Reject(new OffchainOrderError.NotPlaced()),
            (OffchainOrder.Pending, OffchainOrderCommand.ConfirmSubmission confirm) =>
                Accept(new OffchainOrderEvent.Submitted(confirm.BrokerOrderId, now)),
            (OffchainOrder.Submitted submitted, OffchainOrderCommand.ConfirmSubmission confirm) when submitted.BrokerOrderId == confirm.BrokerOrderId =>
                new OrderDecision.Accepted([]),
            (OffchainOrder.Submitted submitted, OffchainOrderCommand.ConfirmSubmission confirm) =>
                Reject(new OffchainOrderError.ConflictingBrokerOrderId(submitted.BrokerOrderId, confirm.BrokerOrderId)),
            (OffchainOrder.Failed, OffchainOrderCommand.ConfirmSubmission) => Reject(new OffchainOrderError.AlreadyCompleted()),
            (_, OffchainOrderCommand.ConfirmSubmission) => Reject(new OffchainOrderError.AlreadySubmitted()),
            (_, OffchainOrderCommand.RecordLateFill late) => RecordLateFill(order!, late, now),
            ({ IsTerminal: true }, _) => Reject(new OffchainOrderError.AlreadyCompleted()),
            (_, OffchainOrderCommand.MarkFailed failed) => Accept(new OffchainOrderEvent.Failed(failed.Error, now)),
            (OffchainOrder.Pending, _) => Reject(new OffchainOrderError.NotSubmitted()),
            (_, OffchainOrderCommand.UpdatePartialFill partial) =>
                Accept(new OffchainOrderEvent.PartiallyFilled(partial.SharesFilled, partial.AvgPrice, now)),
            (_, OffchainOrderCommand.CompleteFill fill) => Accept(new OffchainOrderEvent.Filled(fill.Price, now)),
            ({ CancelRequested: not null }, OffchainOrderCommand.RequestCancel) => new OrderDecision.Accepted([]),
            (_, OffchainOrderCommand.RequestCancel request) => Accept(new OffchainOrderEvent.CancelRequested(request.Reason, now)),
            ({ CancelRequested: null }, _) => Reject(new OffchainOrderError.NoCancelRequested()),
            (_, OffchainOrderCommand.ConfirmCancel confirm) => ConfirmCancel(order!, confirm, now),
            (_, OffchainOrderCommand.RaiseDoubtAlert alert) => RaiseDoubtAlert(order!.CancelRequested!, alert, now),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown OffchainOrder command."),
        };

    // §13.3: nothing filled → Failed, the checker hedges again; part filled → that part is credited.
    private static OrderDecision ConfirmCancel(OffchainOrder order, OffchainOrderCommand.ConfirmCancel confirm, DateTimeOffset now)
    {
        if (confirm.SharesFilled.Value == 0m)
            return Accept(new OffchainOrderEvent.Failed(OrderDoubt.CanceledReason, now));
        if (confirm.SharesFilled.Value < 0m || confirm.SharesFilled >= order.Terms.Shares || confirm.AvgPrice is not { } price)
            return Reject(new OffchainOrderError.InvalidPartialFill(confirm.SharesFilled, order.Terms.Shares));
        return Accept(new OffchainOrderEvent.CanceledAfterPartialFill(confirm.SharesFilled, price, now));
    }

    // §13.4: once, an hour after the cancel request; earlier, or again, it records nothing.
    private static OrderDecision RaiseDoubtAlert(CancelRequest cancel, OffchainOrderCommand.RaiseDoubtAlert alert, DateTimeOffset now) =>
        cancel.AlertRaised || now - cancel.RequestedAt < OrderDoubt.AlertAfter
            ? new OrderDecision.Accepted([])
            : Accept(new OffchainOrderEvent.OrderInDoubt(alert.OrderId, cancel.RequestedAt));

    // §13.5: only an order failed before the broker acknowledged it can fill unseen; it is credited once.
    private static OrderDecision RecordLateFill(OffchainOrder order, OffchainOrderCommand.RecordLateFill late, DateTimeOffset now) =>
        order is OffchainOrder.Failed { BrokerOrderId: null, LateFill: null } && late.SharesFilled.Value > 0m && late.SharesFilled <= order.Terms.Shares
            ? Accept(new OffchainOrderEvent.LateFillRecorded(late.BrokerOrderId, late.SharesFilled, late.AvgPrice, now))
            : Reject(new OffchainOrderError.NotALateFill(order.Status));

    private static OrderDecision.Accepted Accept(OffchainOrderEvent domainEvent) => new([domainEvent]);

    private static OrderDecision.Rejected Reject(OffchainOrderError error) => new(error);
}
