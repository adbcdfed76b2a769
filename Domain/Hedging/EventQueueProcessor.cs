using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OnChainTrades;

namespace TradingBot.Acceptance.Domain.Hedging;

/// <summary>
/// Feeds queued chain events to the conductor in chain order (§6.1), several rows at a time: each row's
/// trade, position and queue mark are one savepoint of a transaction the batch shares (§6.2), then the
/// hedges the batch triggered go to the broker, and their answers are recorded by the write transaction
/// that follows: the next batch's, the poller's, or one of their own once the queue is empty (§6.3).
/// </summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "It processes the event_queue table.")]
public sealed class EventQueueProcessor(EventStoreDatabase database, Conductor conductor, TimeProvider clock)
{
    /// <summary>Rows one batch takes at most: one commit shared by this many fills.</summary>
    public const int DefaultBatchSize = 32;

    // How far past rows that other workers hold a worker looks for some of its own.
    private const int PeekAhead = 16;

    private readonly QueueClaims claims = new();

    /// <summary>Adds a chain event unless its <c>(tx_hash, log_index)</c> was seen; <c>true</c> when added.</summary>
    public bool Enqueue(ChainEvent chainEvent) => Enqueue([chainEvent])[0];

    /// <summary>
    /// Adds chain events in one transaction, each unless its <c>(tx_hash, log_index)</c> was seen (before, or
    /// earlier in the same list); for each, <c>true</c> when it was added.
    /// </summary>
    public IReadOnlyList<bool> Enqueue(IReadOnlyList<ChainEvent> chainEvents)
    {
        ArgumentNullException.ThrowIfNull(chainEvents);
        using var unit = database.BeginWrite();
        var now = clock.GetUtcNow();
        var added = chainEvents.Select(chainEvent => unit.EventQueue.Enqueue(chainEvent, now)).ToList();
        unit.Commit();
        return added;
    }

    /// <summary>
    /// Processes the first unprocessed row (by block, then log index) that no other caller of this
    /// processor is working on and whose symbol none is working on; <see cref="QueueStep.Idle"/> when there is none.
    /// </summary>
    public async Task<QueueStep> ProcessNextAsync(CancellationToken cancellationToken) =>
        (await ProcessBatchAsync(1, cancellationToken).ConfigureAwait(false)) is [var step] ? step : new QueueStep.Idle();

    /// <summary>
    /// Processes up to <paramref name="maxRows"/> rows, the first in chain order that no other caller holds,
    /// of distinct symbols: every row's trade in a savepoint of one transaction, after the broker's answers that
    /// earlier batches left to it, then the hedges they triggered sent to the broker; their answers wait for the
    /// transaction that follows, and each step's outcome is the answer as it will be recorded. A row that throws
    /// leaves nothing of itself and stays unprocessed, the rows before it commit (and their hedges are sent), and
    /// the exception is rethrown. Empty when there is no row: then the answers still waiting are recorded.
    /// </summary>
    public async Task<IReadOnlyList<QueueStep>> ProcessBatchAsync(int maxRows, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRows);
        var batch = ClaimBatch(maxRows);
        if (batch.Count == 0)
        {
            await conductor.RecordWaitingAnswersAsync(cancellationToken).ConfigureAwait(false);
            return [];
        }

        (List<(QueuedEvent Row, FillValidation Fill, StartedExecution? Execution)> Done, ExceptionDispatchInfo? Failure) recorded;
        try
        {
            recorded = await RecordAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var (row, fill) in batch)
                claims.Release(row, fill); // processed (or untouched): the symbol's next fill may go
        }

        var started = recorded.Done.Select(done => done.Execution).OfType<StartedExecution>().ToList();
        var outcomes = await conductor.PlaceStartedAsync(started, recordNow: false, cancellationToken).ConfigureAwait(false);
        recorded.Failure?.Throw();
        var placed = started.Zip(outcomes).ToDictionary(pair => pair.First.Execution.ExecutionId, pair => pair.Second);
        return recorded.Done.Select(done => Step(done.Row, done.Fill, done.Execution?.Execution, placed)).ToList();
    }

    /// <summary>Records the broker's answers that batches left to the transaction that follows, when none follows (a shutdown).</summary>
    public Task RecordWaitingAnswersAsync(CancellationToken cancellationToken) => conductor.RecordWaitingAnswersAsync(cancellationToken);

    /// <summary>Processes rows until none is left, the broker's answers recorded; returns every step taken.</summary>
    public async Task<IReadOnlyList<QueueStep>> ProcessAllAsync(CancellationToken cancellationToken)
    {
        var steps = new List<QueueStep>();
        while (true)
        {
            var batch = await ProcessBatchAsync(DefaultBatchSize, cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0)
                return steps;
            steps.AddRange(batch);
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

    // The first rows this caller may take, claimed, with their fills; empty when every pending row is someone else's.
    private List<(QueuedEvent Row, FillValidation Fill)> ClaimBatch(int maxRows)
    {
        var batch = new List<(QueuedEvent Row, FillValidation Fill)>();
        try
        {
            using var read = database.BeginRead();
            read.EventQueue.PeekNext(row =>
            {
                if (!claims.TryClaim(row, out var fill))
                    return false;
                batch.Add((row, fill));
                return true;
            }, maxRows + PeekAhead, maxRows);
            return batch;
        }
        catch
        {
            foreach (var (row, fill) in batch)
                claims.Release(row, fill);
            throw;
        }
    }

    // One transaction for the batch: the answers waiting first, then a savepoint per row, the symbols' locks (the
    // rows' and the answers') taken in canonical order first.
    private async Task<(List<(QueuedEvent Row, FillValidation Fill, StartedExecution? Execution)> Done, ExceptionDispatchInfo? Failure)> RecordAsync(
        List<(QueuedEvent Row, FillValidation Fill)> batch, CancellationToken cancellationToken)
    {
        var marketOpen = new bool[batch.Count];
        for (var index = 0; index < batch.Count; index++)
            marketOpen[index] = batch[index].Fill is FillValidation.Valid && await conductor.IsMarketOpenAsync(cancellationToken).ConfigureAwait(false);
        var waiting = conductor.Recorder.TakeWaiting();
        var committed = false;
        try
        {
            var symbols = batch.Select(claimed => claimed.Fill).OfType<FillValidation.Valid>().Select(valid => valid.Fill.Symbol).Concat(waiting.Select(answer => answer.Symbol));
            using var gate = await conductor.Guards.EnterAllAsync(symbols, cancellationToken).ConfigureAwait(false);
            using var unit = database.BeginWrite();
            var now = clock.GetUtcNow();
            var earlier = ExecutionRecorder.RecordWaiting(unit, waiting);
            var (done, failure) = unit.EachInSavepoint(
                batch.Select((claimed, index) => (claimed.Row, claimed.Fill, Open: marketOpen[index])),
                claimed => Record(unit, claimed.Row, claimed.Fill, claimed.Open, now),
                continueAfterFailure: false);
            conductor.CommitStarted(unit, [.. done.Select(item => item.Execution?.Execution).OfType<OffchainExecution>()]);
            committed = true;
            return (done, failure ?? earlier);
        }
        finally
        {
            conductor.Recorder.Settle(waiting, committed);
        }
    }

    // The fill as recorded: a valid fill of a token the bot does not know (§2) is refused like an invalid one.
    private (QueuedEvent Row, FillValidation Fill, StartedExecution? Execution) Record(
        UnitOfWork unit, QueuedEvent row, FillValidation fill, bool marketOpen, DateTimeOffset now)
    {
        if (fill is FillValidation.Valid known && conductor.UnknownToken(unit, known.Fill.Symbol) is { } unknown)
            fill = new FillValidation.Invalid(unknown);
        switch (fill)
        {
            case FillValidation.Valid valid:
                var execution = conductor.RecordTrade(unit, valid.Fill, marketOpen, now);
                unit.EventQueue.MarkProcessed(row.Id, now);
                return (row, fill, execution);
            case FillValidation.Invalid invalid:
                unit.EventQueue.DeadLetter(row.Id, invalid.Error.ToString(), now);
                return (row, fill, null);
            default:
                throw new InvalidOperationException("Unknown fill validation.");
        }
    }

    private static QueueStep Step(QueuedEvent row, FillValidation fill, OffchainExecution? execution, Dictionary<ExecutionId, ExecutionOutcome> placed) =>
        fill switch
        {
            FillValidation.Valid valid => new QueueStep.Processed(row.Id, valid.Fill.TradeId, execution, execution is null ? null : placed[execution.ExecutionId]),
            FillValidation.Invalid invalid => new QueueStep.DeadLettered(row.Id, invalid.Error),
            _ => throw new InvalidOperationException("Unknown fill validation."),
        };
}
