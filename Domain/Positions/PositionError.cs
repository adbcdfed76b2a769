using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.Positions;

public abstract record PositionError
{
    private PositionError() { }

    /// <summary>A fill must move a positive amount.</summary>
    public sealed record NonPositive(FractionalShares Amount) : PositionError;

    /// <summary>A hedge is already under way for this symbol.</summary>
    public sealed record PendingExecution(ExecutionId ExecutionId) : PositionError;

    public sealed record ThresholdNotMet(FractionalShares NetPosition, ExecutionThreshold Threshold) : PositionError;

    /// <summary>The hedge is on the wrong side, empty, or larger than the exposure.</summary>
    public sealed record InvalidHedge(FractionalShares NetPosition, FractionalShares Shares, Direction Direction) : PositionError;

    public sealed record NoPendingExecution(ExecutionId ExecutionId) : PositionError;

    public sealed record ExecutionIdMismatch(ExecutionId Pending, ExecutionId Given) : PositionError;

    /// <summary>Only a fill can create a position.</summary>
    public sealed record Uninitialized : PositionError;
}
