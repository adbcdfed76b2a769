using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OnChainTrades;

namespace TradingBot.Acceptance.Domain.Positions;

public abstract record PositionEvent
{
    private PositionEvent() { }

    public sealed record Initialized(Symbol Symbol, ExecutionThreshold Threshold, DateTimeOffset InitializedAt) : PositionEvent;

    public sealed record OnChainOrderFilled(
        TradeId TradeId,
        FractionalShares Amount,
        Direction Direction,
        Usd? PriceUsdc,
        DateTimeOffset BlockTimestamp,
        DateTimeOffset SeenAt) : PositionEvent;

    public sealed record OffChainOrderPlaced(
        ExecutionId ExecutionId,
        FractionalShares Shares,
        Direction Direction,
        SupportedExecutor Executor,
        TriggerReason TriggerReason,
        DateTimeOffset PlacedAt) : PositionEvent;

    public sealed record OffChainOrderFilled(
        ExecutionId ExecutionId,
        FractionalShares SharesFilled,
        Direction Direction,
        BrokerOrderId BrokerOrderId,
        Usd Price,
        DateTimeOffset BrokerTimestamp) : PositionEvent;

    public sealed record OffChainOrderFailed(ExecutionId ExecutionId, string Error, DateTimeOffset FailedAt) : PositionEvent;

    public sealed record ThresholdUpdated(ExecutionThreshold OldThreshold, ExecutionThreshold NewThreshold, DateTimeOffset UpdatedAt) : PositionEvent;
}
