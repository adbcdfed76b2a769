using System.Runtime.ExceptionServices;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OffchainOrders;
using TradingBot.Acceptance.Domain.OnChainTrades;
using TradingBot.Acceptance.Domain.Positions;
using TradingBot.Acceptance.Domain.Risk;
using PositionDecision = TradingBot.Acceptance.Domain.EventSourcing.Decision<
    TradingBot.Acceptance.Domain.Positions.PositionEvent,
    TradingBot.Acceptance.Domain.Positions.PositionError>;

namespace TradingBot.Acceptance.Domain.Hedging;

/// <summary>
/// The hedging pipeline (DOMAIN §6): fill → trade → position → broker order. Every step's writes
/// commit in one transaction; broker calls happen only outside transactions.
/// </summary>
public sealed partial class Conductor
{
    private readonly EventStoreDatabase database;
    private readonly BrokerRoute brokers;
    private readonly TimeProvider clock;
    private readonly HedgingSettings settings;
    private readonly HedgingGuards guards;
    private readonly ExecutionRecorder recorder;
    private readonly OnChainTradeAggregate trades = new();

    /// <param name="brokers">The main broker and the fallback, if any: new hedges go to the one up, each order is followed where it is.</param>
    public Conductor(EventStoreDatabase database, BrokerRoute brokers, TimeProvider clock, HedgingSettings settings, HedgingGuards guards)
    {
        this.database = database;
        this.brokers = brokers;
        this.clock = clock;
        this.settings = settings;
        this.guards = guards;
        recorder = new ExecutionRecorder(database, clock, guards);
        Doubts = new OrdersInDoubt(brokers, clock, recorder);
    }

    /// <summary>The orders in doubt and late fills of this broker (§13); the poller of the same bot shares it.</summary>
    public OrdersInDoubt Doubts { get; }

    /// <summary>
    /// Records one fill and, when its position is ready and the market open, the hedge it triggers
    /// (§6.2). A fill seen before returns <c>null</c> and changes nothing.
    /// </summary>
    public async Task<OffchainExecution?> ProcessTradeWithinTransactionAsync(OnChainFill fill, CancellationToken cancellationToken)
    {
        // Asked before the transaction: a broker call (Alpaca reads its calendar) never holds the write lock.
        var marketOpen = await brokers.Active.IsMarketOpenAsync(cancellationToken).ConfigureAwait(false);
        using var gate = await guards.EnterAsync(fill.Symbol, cancellationToken).ConfigureAwait(false);
        using var unit = database.BeginWrite();
        return Commit(unit, RecordTrade(unit, fill, marketOpen, clock.GetUtcNow()));
    }

    /// <summary>Sends a recorded hedge to the broker and records the answer (§6.3).</summary>
    public async Task<ExecutionOutcome> ExecutePendingOffchainExecutionAsync(ExecutionId executionId, CancellationToken cancellationToken) =>
        (await ExecutePendingOffchainExecutionsAsync([executionId], cancellationToken).ConfigureAwait(false))[0];

    /// <summary>
    /// Sends recorded hedges to the broker, outside any transaction, one after another in the given order
    /// (scenarios and Retry-After waits stay deterministic), then records every answer in one transaction,
    /// a savepoint each (§6.3). A broker call that throws: the answers already had are recorded, then it is rethrown.
    /// </summary>
    public async Task<IReadOnlyList<ExecutionOutcome>> ExecutePendingOffchainExecutionsAsync(IReadOnlyList<ExecutionId> executionIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(executionIds);
        var outcomes = new ExecutionOutcome?[executionIds.Count];
        var pending = PendingOrders(executionIds, outcomes);
        pending.ForEach(order => guards.BeginPlacement(order.ExecutionId));
        try
        {
            var answers = new List<(Symbol Symbol, Func<UnitOfWork, ExecutionOutcome> Record)>();
            var slots = new List<int>();
            ExceptionDispatchInfo? failure = null;
            foreach (var (index, id, terms) in pending)
            {
                try
                {
                    var (unrecorded, record) = await PlaceAsync(id, terms, cancellationToken).ConfigureAwait(false);
                    outcomes[index] = unrecorded;
                    if (record is not null)
                    {
                        answers.Add((terms.Symbol, record));
                        slots.Add(index);
                    }
                }
                catch (Exception exception)
                {
                    failure = ExceptionDispatchInfo.Capture(exception);
                    break;
                }
            }

            var recorded = await recorder.RecordAllAsync(answers, continueAfterFailure: true, cancellationToken).ConfigureAwait(false);
            failure?.Throw();
            for (var answer = 0; answer < slots.Count; answer++)
                outcomes[slots[answer]] = recorded[answer];
        }
        finally
        {
            pending.ForEach(order => guards.EndPlacement(order.ExecutionId));
        }

        return outcomes.Select(outcome => outcome!).ToList();
    }

    /// <summary>
    /// The position checker (§6.6): stale cleanup for every pending position, then a hedge for each
    /// ready position without one, oldest first, each sent to the broker before returning.
    /// </summary>
    public async Task<IReadOnlyList<ExecutionOutcome>> CheckAndExecuteAccumulatedPositionsAsync(CancellationToken cancellationToken)
    {
        await CleanupStaleExecutionsAsync(cancellationToken).ConfigureAwait(false);
        var route = await brokers.ProbeAsync(cancellationToken).ConfigureAwait(false);
        guards.Risk?.OnCheckerTick(route);
        if (route is null)
            return [];
        var started = new List<OffchainExecution>();
        foreach (var position in Candidates())
        {
            if (HedgeReadiness.Evaluate(OnBroker(position, route.Broker.Kind), route.Broker.Kind) is not HedgeDecision.Ready
                || !await route.Broker.IsMarketOpenAsync(cancellationToken).ConfigureAwait(false))
                continue;
            using var gate = await guards.EnterAsync(position.Symbol, cancellationToken).ConfigureAwait(false);
            using var unit = database.BeginWrite();
            if (Commit(unit, TryStartExecution(unit, position.Symbol, clock.GetUtcNow())) is { } execution)
                started.Add(execution);
        }

        return await ExecutePendingOffchainExecutionsAsync([.. started.Select(execution => execution.ExecutionId)], cancellationToken).ConfigureAwait(false);
    }

    // After refused credentials the broker is probed on each checker tick; until an active account
    // answers, nothing is placed (§10). With a fallback broker the main one is probed on every tick (§14.3).
    // The position as the broker that would get its hedge sees it: that broker's threshold applies (§14.3).
    private Position OnBroker(Position position, SupportedExecutor broker) =>
        brokers.Fallback is null ? position : position with { Threshold = brokers.ThresholdFor(broker, settings.Threshold) };

    /// <summary>The symbol's position, or <c>null</c> when no fill of it was seen.</summary>
    public Position? LoadPosition(Symbol symbol) => new PositionView(database).Load(symbol);

    internal HedgingGuards Guards => guards;

    /// <summary>Why a fill of <paramref name="symbol"/> is not hedged (an unknown token), or null when it is known.</summary>
    internal TradeInputError? UnknownToken(UnitOfWork unit, Symbol symbol) => KnownSymbols.Refusal(unit, settings.KnownSymbols, symbol);

    /// <summary>Asked before the transaction: a broker call (Alpaca reads its calendar) never holds the write lock.</summary>
    internal Task<bool> IsMarketOpenAsync(CancellationToken cancellationToken) => brokers.Active.IsMarketOpenAsync(cancellationToken);

    /// <summary>§6.2 steps 1–7 inside the caller's unit: the trade, its position and the hedge it triggers, if any.</summary>
    internal OffchainExecution? RecordTrade(UnitOfWork unit, OnChainFill fill, bool marketOpen, DateTimeOffset now)
    {
        var tradeId = fill.TradeId.ToString();
        if (unit.Load(trades, tradeId).State is not null)
            return null; // a duplicate: counted once already
        var acknowledge = new PositionCommand.AcknowledgeOnChainFill(
            fill.Symbol, settings.Threshold, fill.TradeId, fill.Amount, fill.Direction, fill.PriceUsdc, fill.BlockTimestamp);
        if (unit.Execute(recorder.Positions, fill.Symbol.Value, position => PositionDecider.Decide(position, acknowledge, now)) is PositionDecision.Rejected refused)
            throw new InvalidOperationException($"A validated fill was refused by position {fill.Symbol}: {refused.Error}");
        var witness = new OnChainTradeCommand.Witness(fill.Symbol, fill.Amount, fill.Direction, fill.PriceUsdc, fill.BlockNumber, fill.BlockTimestamp);
        unit.Execute(trades, tradeId, trade => OnChainTradeDecider.Decide(trade, witness, now));
        recorder.FailIfStale(unit, fill.Symbol, now);
        return marketOpen ? TryStartExecution(unit, fill.Symbol, now) : null;
    }

    // §6.2 steps 5–7: readiness, lease, the controls of §14 (slice, kill switch, daily limit), next execution id,
    // PlaceOffChainOrder, Place.
    private OffchainExecution? TryStartExecution(UnitOfWork unit, Symbol symbol, DateTimeOffset now)
    {
        var broker = brokers.Active.Kind;
        if (unit.Load(recorder.Positions, symbol.Value).State is not { } stored
            || OnBroker(stored, broker) is var position && HedgeReadiness.Evaluate(position, broker) is not HedgeDecision.Ready hedge
            || !unit.SymbolLocks.TryAcquire(symbol, now))
            return null;
        if ((guards.Risk is { } risk ? risk.Admit(unit, position, hedge.Shares, broker, now) : hedge.Shares) is not { } shares)
        {
            unit.SymbolLocks.Release(symbol);
            return null;
        }

        if (position.Threshold != stored.Threshold)
            unit.Execute(recorder.Positions, symbol.Value, current => PositionDecider.Decide(current, new PositionCommand.UpdateThreshold(position.Threshold), now));
        unit.SymbolLocks.BeginPlacement(symbol, guards.InstanceId, now + guards.PlacementDeadline);
        var executionId = new ExecutionId(unit.NextNumericId(recorder.Orders.AggregateType));
        var place = new PositionCommand.PlaceOffChainOrder(executionId, shares, hedge.Direction, broker);
        if (unit.Execute(recorder.Positions, symbol.Value, current => PositionDecider.Decide(current, place, now)) is PositionDecision.Rejected)
        {
            unit.SymbolLocks.Release(symbol);
            return null;
        }

        var order = new OffchainOrderCommand.Place(symbol, shares, hedge.Direction, broker, new ClientOrderId(Guid.NewGuid()));
        unit.Execute(recorder.Orders, executionId.ToString(), existing => OffchainOrderDecider.Decide(existing, order, now));
        return new OffchainExecution(executionId, symbol, shares, hedge.Direction, broker);
    }

    private OffchainExecution? Commit(UnitOfWork unit, OffchainExecution? execution)
    {
        CommitStarted(unit, execution is null ? [] : [execution]);
        return execution;
    }

    /// <summary>
    /// Commits a unit that started these executions. The poller must not reconcile an order whose placement
    /// is about to start: each is marked before it is visible.
    /// </summary>
    internal void CommitStarted(UnitOfWork unit, IReadOnlyList<OffchainExecution> executions)
    {
        foreach (var execution in executions)
            guards.BeginPlacement(execution.ExecutionId);
        try
        {
            unit.Commit();
        }
        catch
        {
            foreach (var execution in executions)
                guards.EndPlacement(execution.ExecutionId);
            throw;
        }
    }

    // The orders among these that are still pending, with their place in the answer; the others' outcomes are set here.
    private List<(int Index, ExecutionId ExecutionId, OrderTerms Terms)> PendingOrders(IReadOnlyList<ExecutionId> executionIds, ExecutionOutcome?[] outcomes)
    {
        var pending = new List<(int, ExecutionId, OrderTerms)>();
        using var read = database.BeginRead();
        for (var index = 0; index < executionIds.Count; index++)
        {
            var id = executionIds[index];
            var order = read.Load(recorder.Orders, id.ToString()).State;
            if (order is null)
                outcomes[index] = new ExecutionOutcome.NotFound(id);
            else if (order is not OffchainOrder.Pending)
                outcomes[index] = new ExecutionOutcome.NotPending(id, order.Status);
            else
                pending.Add((index, id, order.Terms));
        }

        return pending;
    }

    // One broker call (and the lookup an unknown outcome needs): what to record, or the outcome when there is nothing to record.
    private async Task<(ExecutionOutcome? Unrecorded, Func<UnitOfWork, ExecutionOutcome>? Record)> PlaceAsync(ExecutionId id, OrderTerms terms, CancellationToken cancellationToken)
    {
        var marketOrder = new MarketOrder(settings.BrokerSymbol(terms.Symbol), terms.Shares, terms.Direction, terms.ClientOrderId);
        var executor = brokers.For(terms.Executor);
        // Active/standby: an instance whose lease ran out (paused past it) sends nothing; the leader reconciles the order.
        database.Fence?.ThrowIfNotHeld($"placing order {id} ({terms.Symbol})");
        var result = await executor.PlaceMarketOrderAsync(marketOrder, cancellationToken).ConfigureAwait(false);
        switch (result)
        {
            case PlacementResult.Accepted accepted:
                return (null, unit => recorder.RecordSubmission(unit, id, terms.Symbol, accepted.OrderId));
            case PlacementResult.Rejected rejected:
                return (null, unit => recorder.RecordFailure(unit, id, terms.Symbol, rejected.Failure.Reason));
            case PlacementResult.Unknown unknown:
                var lookup = await executor.FindByClientOrderIdAsync(terms.ClientOrderId, cancellationToken).ConfigureAwait(false);
                return lookup switch
                {
                    ClientOrderLookup.Found found => (null, unit => recorder.RecordSubmission(unit, id, terms.Symbol, found.OrderId)),
                    ClientOrderLookup.NotFound => (null, unit => recorder.RecordFailure(unit, id, terms.Symbol, unknown.Failure.Reason)),
                    // Nothing known: the placement is over, and the pollers (of any instance) find out what became of it.
                    _ => (null, unit => recorder.EndPlacement(unit, id, terms.Symbol, new ExecutionOutcome.Unknown(id, unknown.Failure))),
                };
            default:
                throw new ArgumentOutOfRangeException(nameof(terms), result, "Unknown placement result.");
        }
    }

    private List<Position> Candidates()
    {
        using var unit = database.BeginRead();
        return PositionView.Symbols(unit, withPendingExecution: false)
            .Select(symbol => unit.Load(recorder.Positions, symbol).State!)
            .ToList();
    }
}
