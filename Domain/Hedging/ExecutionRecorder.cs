using System.Runtime.ExceptionServices;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OffchainOrders;
using TradingBot.Acceptance.Domain.Positions;
using OrderDecision = TradingBot.Acceptance.Domain.EventSourcing.Decision<
    TradingBot.Acceptance.Domain.OffchainOrders.OffchainOrderEvent,
    TradingBot.Acceptance.Domain.OffchainOrders.OffchainOrderError>;
using PositionDecision = TradingBot.Acceptance.Domain.EventSourcing.Decision<
    TradingBot.Acceptance.Domain.Positions.PositionEvent,
    TradingBot.Acceptance.Domain.Positions.PositionError>;

namespace TradingBot.Acceptance.Domain.Hedging;

/// <summary>
/// Records what the broker said about executions: each outcome keeps the order, its position and the
/// symbol's lease in step, and the outcomes of one round share a transaction. Shared by the conductor and the poller.
/// </summary>
internal sealed partial class ExecutionRecorder(EventStoreDatabase database, TimeProvider clock, HedgingGuards guards)
{
    public const string StaleReason = "stale execution: timed out after 10 minutes without status update";
    public const string NoErrorReason = "Order failed with no error reason";
    public static readonly TimeSpan StaleAfter = OrderDoubt.After;

    public PositionAggregate Positions { get; } = new();

    public OffchainOrderAggregate Orders { get; } = new();

    /// <summary>
    /// Records several broker answers in one transaction, each in a savepoint of its own, holding the locks
    /// of their symbols (taken in canonical order), after the <paramref name="waiting"/> answers of earlier
    /// placements (<see cref="TakeWaiting"/>). An answer whose recording throws leaves nothing of itself;
    /// the answers before it commit, and with <paramref name="continueAfterFailure"/> the ones after it too.
    /// The first such exception is then rethrown. <paramref name="inBackground"/>: the transaction lets the writers
    /// waiting beside it go first (<see cref="EventStoreDatabase.BeginBackgroundWrite"/>).
    /// </summary>
    public Task<IReadOnlyList<ExecutionOutcome>> RecordAllAsync(
        IReadOnlyList<(Symbol Symbol, Func<UnitOfWork, ExecutionOutcome> Record)> answers, bool continueAfterFailure, CancellationToken cancellationToken,
        List<BrokerAnswer>? waiting = null, bool inBackground = false) =>
        RecordAllAsync(answers, static answer => answer.Symbol, static (unit, answer) => answer.Record(unit), continueAfterFailure, cancellationToken, waiting, inBackground);

    /// <summary>
    /// <see cref="RecordAllAsync(IReadOnlyList{ValueTuple{Symbol, Func{UnitOfWork, ExecutionOutcome}}}, bool, CancellationToken, List{BrokerAnswer}?, bool)"/>
    /// for answers of any shape, each recorded by <paramref name="record"/>: a caller with thousands of answers need not
    /// make a closure for each.
    /// </summary>
    public async Task<IReadOnlyList<ExecutionOutcome>> RecordAllAsync<TAnswer>(
        IReadOnlyList<TAnswer> answers, Func<TAnswer, Symbol> symbolOf, Func<UnitOfWork, TAnswer, ExecutionOutcome> record, bool continueAfterFailure,
        CancellationToken cancellationToken, List<BrokerAnswer>? waiting = null, bool inBackground = false)
    {
        waiting ??= [];
        if (answers.Count == 0 && waiting.Count == 0)
            return [];
        var symbols = new List<Symbol>(answers.Count + waiting.Count);
        for (var index = 0; index < answers.Count; index++)
            symbols.Add(symbolOf(answers[index]));
        foreach (var answer in waiting)
            symbols.Add(answer.Symbol);
        var committed = false;
        try
        {
            using var gate = await guards.EnterAllAsync(symbols, cancellationToken).ConfigureAwait(false);
            using var unit = inBackground ? database.BeginBackgroundWrite() : database.BeginWrite();
            var earlier = RecordWaiting(unit, waiting);
            var (outcomes, failure) = unit.EachInSavepoint(answers, answer => record(unit, answer), continueAfterFailure);
            unit.Commit();
            committed = true;
            (failure ?? earlier)?.Throw();
            return outcomes;
        }
        finally
        {
            Settle(waiting, committed);
        }
    }

    /// <summary>The broker's answers to earlier placements not yet recorded (§6.3), now the caller's to record in its unit, first.</summary>
    public List<BrokerAnswer> TakeWaiting() => guards.Answers.TakeAll();

    /// <summary>Records answers taken with <see cref="TakeWaiting"/>, a savepoint each; the first failure, for the caller to rethrow after its commit.</summary>
    public static ExceptionDispatchInfo? RecordWaiting(UnitOfWork unit, List<BrokerAnswer> waiting) =>
        waiting.Count == 0 ? null : unit.EachInSavepoint(waiting, answer => answer.Record(unit), continueAfterFailure: true).Failure;

    /// <summary>
    /// After the unit that was to record <paramref name="waiting"/>: committed, their placements are over (one whose
    /// recording failed is left to the lookup by client order id after its deadline); not committed, they wait again.
    /// </summary>
    public void Settle(List<BrokerAnswer> waiting, bool committed)
    {
        if (!committed)
        {
            guards.Answers.Add(waiting);
            return;
        }

        foreach (var answer in waiting)
            guards.EndPlacement(answer.ExecutionId);
    }

    public ExecutionOutcome RecordSubmission(UnitOfWork unit, ExecutionId id, Symbol symbol, BrokerOrderId brokerOrderId)
    {
        EndPlacementOf(unit, id, symbol);
        var decision = unit.Execute(Orders, id.ToString(), order =>
            OffchainOrderDecider.Decide(order, new OffchainOrderCommand.ConfirmSubmission(brokerOrderId), clock.GetUtcNow()));
        return decision is OrderDecision.Rejected rejected
            ? new ExecutionOutcome.Superseded(id, rejected.Error.ToString())
            : new ExecutionOutcome.Submitted(id, brokerOrderId);
    }

    /// <summary>A placement the broker rejected or an order it failed: it counts toward the kill switch (§14.2).</summary>
    public ExecutionOutcome RecordFailure(UnitOfWork unit, ExecutionId id, Symbol symbol, string reason)
    {
        var now = clock.GetUtcNow();
        if (!FailExecution(unit, id, symbol, reason, now))
            return new ExecutionOutcome.Superseded(id, "the order had already ended");
        guards.Risk?.AfterFailure(unit, now);
        return new ExecutionOutcome.Failed(id, reason);
    }

    /// <summary>
    /// Fails an order whose placement outcome was unknown and that the broker does not know, unless it is
    /// no longer pending: a placement that was under way when the caller looked may have been recorded since.
    /// </summary>
    public ExecutionOutcome RecordNeverPlaced(UnitOfWork unit, ExecutionId id, Symbol symbol, string reason)
    {
        if (unit.Load(Orders, id.ToString()).State is not OffchainOrder.Pending current)
            return new ExecutionOutcome.Superseded(id, "the order is no longer pending");
        return FailExecution(unit, id, symbol, reason, clock.GetUtcNow())
            ? new ExecutionOutcome.Failed(id, reason)
            : new ExecutionOutcome.Superseded(id, $"the order is {current.Status}");
    }

    /// <summary>Fills the order and moves the position by the ordered shares (partial fills are not credited).</summary>
    public ExecutionOutcome RecordFill(UnitOfWork unit, ExecutionId id, OrderTerms terms, BrokerOrderId brokerOrderId, BrokerOrderState.Filled filled)
    {
        var now = clock.GetUtcNow();
        // Static deciders with their arguments: a poll cycle records thousands of fills.
        if (unit.Execute(Orders, id.ToString(), (filled.Price, now),
                static (order, fill) => OffchainOrderDecider.Decide(order, new OffchainOrderCommand.CompleteFill(fill.Price), fill.now))
            is OrderDecision.Rejected rejected)
            return new ExecutionOutcome.Superseded(id, rejected.Error.ToString());
        var complete = new PositionCommand.CompleteOffChainOrder(id, terms.Shares, terms.Direction, brokerOrderId, filled.Price, filled.ExecutedAt);
        if (unit.Execute(Positions, terms.Symbol.Value, (complete, now), static (position, fill) => PositionDecider.Decide(position, fill.complete, fill.now))
            is PositionDecision.Rejected refused)
            throw new InvalidOperationException($"Order {id} filled but position {terms.Symbol} refused it: {refused.Error}");
        unit.SymbolLocks.Release(terms.Symbol);
        return new ExecutionOutcome.Filled(id, filled.Price);
    }

    /// <summary>A placement ended with no answer to record: other instances' pollers may now reconcile the order.</summary>
    public ExecutionOutcome EndPlacement(UnitOfWork unit, ExecutionId id, Symbol symbol, ExecutionOutcome outcome)
    {
        EndPlacementOf(unit, id, symbol);
        return outcome;
    }

    // The lease's placement marker is this execution's only while the position still waits on it; otherwise the
    // lease may already guard a later execution, whose marker stays.
    private void EndPlacementOf(UnitOfWork unit, ExecutionId id, Symbol symbol)
    {
        if (unit.Load(Positions, symbol.Value).State?.PendingExecutionId == id)
            unit.SymbolLocks.EndPlacement(symbol);
    }

    public ExecutionOutcome RenewLease(UnitOfWork unit, ExecutionId id, Symbol symbol)
    {
        unit.SymbolLocks.Renew(symbol, clock.GetUtcNow());
        return new ExecutionOutcome.StillOpen(id);
    }

    /// <summary>Fails the order and frees the position and the lease; <c>false</c> when the order had already ended.</summary>
    public bool FailExecution(UnitOfWork unit, ExecutionId id, Symbol symbol, string reason, DateTimeOffset now)
    {
        if (unit.Execute(Orders, id.ToString(), order => OffchainOrderDecider.Decide(order, new OffchainOrderCommand.MarkFailed(reason), now))
            is OrderDecision.Rejected)
            return false;
        // The position may already wait on another execution only if something is badly wrong; then leave it be.
        unit.Execute(Positions, symbol.Value, position => PositionDecider.Decide(position, new PositionCommand.FailOffChainOrder(id, reason), now));
        unit.SymbolLocks.Release(symbol);
        return true;
    }

    /// <summary>
    /// Fails the symbol's pending execution when it was never acknowledged and its lease has not moved for 10
    /// minutes (no lease: the order's placement time counts); an acknowledged one is put in doubt instead (§13).
    /// Returns the failed execution, if any.
    /// </summary>
    public ExecutionId? FailIfStale(UnitOfWork unit, Symbol symbol, DateTimeOffset now) => CleanUpStale(unit, symbol, now, raiseAlert: false).Failed;
}
