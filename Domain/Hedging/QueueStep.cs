using TradingBot.Acceptance.Domain.OnChainTrades;

namespace TradingBot.Acceptance.Domain.Hedging;

/// <summary>What processing the next queued chain event did.</summary>
public abstract record QueueStep
{
    private QueueStep() { }

    /// <summary>Nothing left to process.</summary>
    public sealed record Idle : QueueStep;

    /// <summary>The fill went through the conductor (a duplicate changes nothing); a triggered hedge was sent and its outcome is given.</summary>
    public sealed record Processed(long RowId, TradeId TradeId, OffchainExecution? Execution, ExecutionOutcome? Outcome) : QueueStep;

    /// <summary>The row can never become a trade: marked processed with the error, not retried.</summary>
    public sealed record DeadLettered(long RowId, TradeInputError Error) : QueueStep;
}
