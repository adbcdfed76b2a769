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
            (OffchainOrder.Filled or OffchainOrder.Failed, _) => Reject(new OffchainOrderError.AlreadyCompleted()),
            (_, OffchainOrderCommand.MarkFailed failed) => Accept(new OffchainOrderEvent.Failed(failed.Error, now)),
            (OffchainOrder.Pending, _) => Reject(new OffchainOrderError.NotSubmitted()),
            (_, OffchainOrderCommand.UpdatePartialFill partial) =>
                Accept(new OffchainOrderEvent.PartiallyFilled(partial.SharesFilled, partial.AvgPrice, now)),
            (_, OffchainOrderCommand.CompleteFill fill) => Accept(new OffchainOrderEvent.Filled(fill.Price, now)),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown OffchainOrder command."),
        };

    private static OrderDecision.Accepted Accept(OffchainOrderEvent domainEvent) => new([domainEvent]);

    private static OrderDecision.Rejected Reject(OffchainOrderError error) => new(error);
}
