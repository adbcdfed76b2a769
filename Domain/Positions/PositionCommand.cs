using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OnChainTrades;

namespace TradingBot.Acceptance.Domain.Positions;

public abstract record PositionCommand
{
    private PositionCommand() { }

    /// <summary>Records a fill; <paramref name="Threshold"/> is only used when the position is created.</summary>
    public sealed record AcknowledgeOnChainFill(
        Symbol Symbol,
        ExecutionThreshold Threshold,
        TradeId TradeId,
        FractionalShares Amount,
        Direction Direction,
        Usd? PriceUsdc,
        DateTimeOffset BlockTimestamp) : PositionCommand;

    public sealed record PlaceOffChainOrder(ExecutionId ExecutionId, FractionalShares Shares, Direction Direction, SupportedExecutor Executor) : PositionCommand;

    public sealed record CompleteOffChainOrder(
        ExecutionId ExecutionId,
        FractionalShares SharesFilled,
        Direction Direction,
        BrokerOrderId BrokerOrderId,
        Usd Price,
        DateTimeOffset BrokerTimestamp) : PositionCommand;

    /// <summary>Credits a fill found at the broker for an execution that had already failed (not the pending one).</summary>
    public sealed record CreditLateFill(
        ExecutionId ExecutionId,
        FractionalShares SharesFilled,
        Direction Direction,
        BrokerOrderId BrokerOrderId,
        Usd Price,
        DateTimeOffset BrokerTimestamp) : PositionCommand;

    public sealed record FailOffChainOrder(ExecutionId ExecutionId, string Error) : PositionCommand;

    public sealed record UpdateThreshold(ExecutionThreshold Threshold) : PositionCommand;
}
