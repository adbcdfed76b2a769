using System.Diagnostics.CodeAnalysis;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.OnChainTrades;

namespace TradingBot.Acceptance.Domain.Hedging;

/// <summary>
/// Feeds queued chain events to the conductor one at a time in chain order (§6.1): each fill's
/// trade, position and queue mark commit together, then its hedge (if any) goes to the broker.
/// </summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "It processes the event_queue table.")]
public sealed class EventQueueProcessor(SqliteDatabase database, Conductor conductor, TimeProvider clock)
{
    // How far past rows that other workers hold a worker looks for one of its own.
    private const int PeekAhead = 16;

    private readonly QueueClaims claims = new();

    /// <summary>Adds a chain event unless its <c>(tx_hash, log_index)</c> was seen; <c>true</c> when added.</summary>
    public bool Enqueue(ChainEvent chainEvent)
    {
        using var unit = database.BeginWrite();
        var added = unit.EventQueue.Enqueue(chainEvent, clock.GetUtcNow());
        unit.Commit();
        return added;
    }

    /// <summary>
    /// Processes the first unprocessed row (by block, then log index) that no other caller of this
    /// processor is working on and whose symbol none is working on; <see cref="QueueStep.Idle"/> when there is none.
    /// </summary>
    public async Task<QueueStep> ProcessNextAsync(CancellationToken cancellationToken)
    {
        if (ClaimNext() is not { } claimed)
            return new QueueStep.Idle();
        var (row, fill) = claimed;
        switch (fill)
        {
            case FillValidation.Valid valid:
                OffchainExecution? execution;
                try
                {
                    execution = await conductor.ProcessTradeAsync(valid.Fill, row.Id, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    claims.Release(row, fill); // the row is processed (or untouched): the symbol's next fill may go
                }

                var outcome = execution is null
                    ? null
                    : await conductor.ExecutePendingOffchainExecutionAsync(execution.ExecutionId, cancellationToken).ConfigureAwait(false);
                return new QueueStep.Processed(row.Id, valid.Fill.TradeId, execution, outcome);
            case FillValidation.Invalid invalid:
                DeadLetter(row, invalid);
                return new QueueStep.DeadLettered(row.Id, invalid.Error);
            default:
                throw new InvalidOperationException("Unknown fill validation.");
        }
    }

    /// <summary>Processes rows until none is left; returns every step taken.</summary>
    public async Task<IReadOnlyList<QueueStep>> ProcessAllAsync(CancellationToken cancellationToken)
    {
        var steps = new List<QueueStep>();
        while (true)
        {
            var step = await ProcessNextAsync(cancellationToken).ConfigureAwait(false);
            if (step is QueueStep.Idle)
                return steps;
            steps.Add(step);
        }
    }

    /// <summary>Every row of the queue in insertion order, dead letters included.</summary>
    public IReadOnlyList<QueuedEvent> Rows()
    {
        using var unit = database.BeginRead();
        return unit.EventQueue.All();
    }

    /// <summary>Where a backfill resumes: the highest processed block + 1, else the deployment block.</summary>
    public long ResumeBlock(long deploymentBlock)
    {
        using var unit = database.BeginRead();
        return unit.EventQueue.LastProcessedBlock() is { } last ? last + 1 : deploymentBlock;
    }

    // The first row this caller may take, claimed, with its fill; null when every pending row is someone else's.
    private (QueuedEvent Row, FillValidation Fill)? ClaimNext()
    {
        FillValidation? fill = null;
        using var read = database.BeginRead();
        var next = read.EventQueue.PeekNext(row =>
        {
            var claimed = claims.TryClaim(row, out var parsed);
            fill = parsed;
            return claimed;
        }, PeekAhead);
        return next is not null && fill is not null ? (next, fill) : null;
    }

    private void DeadLetter(QueuedEvent row, FillValidation.Invalid invalid)
    {
        try
        {
            using var unit = database.BeginWrite();
            unit.EventQueue.DeadLetter(row.Id, invalid.Error.ToString(), clock.GetUtcNow());
            unit.Commit();
        }
        finally
        {
            claims.Release(row, invalid);
        }
    }
}
