using TradingBot.Acceptance.Domain.Finance;
using PositionDecision = TradingBot.Acceptance.Domain.EventSourcing.Decision<
    TradingBot.Acceptance.Domain.Positions.PositionEvent,
    TradingBot.Acceptance.Domain.Positions.PositionError>;

namespace TradingBot.Acceptance.Domain.Positions;

public static class PositionDecider
{
    public static PositionDecision Decide(Position? position, PositionCommand command, DateTimeOffset now) =>
        (position, command) switch
        {
            (_, PositionCommand.AcknowledgeOnChainFill fill) when fill.Amount.Value <= 0m =>
                Reject(new PositionError.NonPositive(fill.Amount)),
            (null, PositionCommand.AcknowledgeOnChainFill fill) =>
                Accept(new PositionEvent.Initialized(fill.Symbol, fill.Threshold, now), Filled(fill, now)),
            (not null, PositionCommand.AcknowledgeOnChainFill fill) => Accept(Filled(fill, now)),
            (null, _) => Reject(new PositionError.Uninitialized()),
            (not null, PositionCommand.PlaceOffChainOrder place) => Place(position, place, now),
            (not null, PositionCommand.CompleteOffChainOrder complete) =>
                CheckPending(position, complete.ExecutionId) ?? Accept(new PositionEvent.OffChainOrderFilled(
                    complete.ExecutionId, complete.SharesFilled, complete.Direction, complete.BrokerOrderId, complete.Price, complete.BrokerTimestamp)),
            (not null, PositionCommand.CreditLateFill late) when position.PendingExecutionId == late.ExecutionId =>
                Reject(new PositionError.PendingExecution(late.ExecutionId)),
            (not null, PositionCommand.CreditLateFill late) => Accept(new PositionEvent.OffChainOrderFilled(
                late.ExecutionId, late.SharesFilled, late.Direction, late.BrokerOrderId, late.Price, late.BrokerTimestamp)),
            (not null, PositionCommand.FailOffChainOrder fail) =>
                CheckPending(position, fail.ExecutionId) ?? Accept(new PositionEvent.OffChainOrderFailed(fail.ExecutionId, fail.Error, now)),
            (not null, PositionCommand.UpdateThreshold update) when update.Threshold == position.Threshold => Accept(),
            (not null, PositionCommand.UpdateThreshold update) =>
                Accept(new PositionEvent.ThresholdUpdated(position.Threshold, update.Threshold, now)),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown Position command."),
        };

    private static PositionDecision Place(Position position, PositionCommand.PlaceOffChainOrder place, DateTimeOffset now)
    {
        if (position.PendingExecutionId is { } pending)
            return Reject(new PositionError.PendingExecution(pending));
        if (HedgeReadiness.Trigger(position) is not { } trigger)
            return Reject(new PositionError.ThresholdNotMet(position.Net, position.Threshold));
        var rightSide = position.Net.Value < 0m ? Direction.Buy : Direction.Sell;
        if (place.Direction != rightSide || place.Shares.Value <= 0m || place.Shares > position.Net.Abs())
            return Reject(new PositionError.InvalidHedge(position.Net, place.Shares, place.Direction));
        return Accept(new PositionEvent.OffChainOrderPlaced(place.ExecutionId, place.Shares, place.Direction, place.Executor, trigger, now));
    }

    private static PositionDecision? CheckPending(Position position, ExecutionId executionId) =>
        position.PendingExecutionId switch
        {
            null => Reject(new PositionError.NoPendingExecution(executionId)),
            { } pending when pending != executionId => Reject(new PositionError.ExecutionIdMismatch(pending, executionId)),
            _ => null,
        };

    private static PositionEvent.OnChainOrderFilled Filled(PositionCommand.AcknowledgeOnChainFill fill, DateTimeOffset now) =>
        new(fill.TradeId, fill.Amount, fill.Direction, fill.PriceUsdc, fill.BlockTimestamp, now);

    private static PositionDecision.Accepted Accept(params PositionEvent[] events) => new(events);

    private static PositionDecision.Rejected Reject(PositionError error) => new(error);
}
