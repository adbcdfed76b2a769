using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.Hedging;

/// <summary>What one step did to an execution (placing it, polling it, reconciling it).</summary>
public abstract record ExecutionOutcome(ExecutionId ExecutionId)
{
    /// <summary>No such execution (<c>ExecutionNotFound</c>).</summary>
    public sealed record NotFound(ExecutionId ExecutionId) : ExecutionOutcome(ExecutionId);

    /// <summary>The order is no longer <c>Pending</c>: nothing to place.</summary>
    public sealed record NotPending(ExecutionId ExecutionId, string Status) : ExecutionOutcome(ExecutionId);

    public sealed record Submitted(ExecutionId ExecutionId, BrokerOrderId BrokerOrderId) : ExecutionOutcome(ExecutionId);

    public sealed record Filled(ExecutionId ExecutionId, Usd Price) : ExecutionOutcome(ExecutionId);

    public sealed record Failed(ExecutionId ExecutionId, string Reason) : ExecutionOutcome(ExecutionId);

    /// <summary>An order in doubt ended canceled after part of it filled: that part was credited.</summary>
    public sealed record CanceledAfterPartialFill(ExecutionId ExecutionId, FractionalShares SharesFilled, Usd AvgPrice) : ExecutionOutcome(ExecutionId);

    /// <summary>An order failed before it was acknowledged filled at the broker after all: the fill was credited.</summary>
    public sealed record LateFill(ExecutionId ExecutionId, FractionalShares SharesFilled, Usd Price) : ExecutionOutcome(ExecutionId);

    /// <summary>Still open at the broker: the lease was renewed.</summary>
    public sealed record StillOpen(ExecutionId ExecutionId) : ExecutionOutcome(ExecutionId);

    /// <summary>The broker's answer could not be had or read; the order is left as it is and tried again later.</summary>
    public sealed record Unknown(ExecutionId ExecutionId, BrokerFailure Failure) : ExecutionOutcome(ExecutionId);

    /// <summary>The state changed under us (e.g. stale cleanup came first); nothing was recorded.</summary>
    public sealed record Superseded(ExecutionId ExecutionId, string Reason) : ExecutionOutcome(ExecutionId);
}
