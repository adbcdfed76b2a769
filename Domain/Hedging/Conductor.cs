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
    private readonly ClientOrderIds clientOrderIds = new();

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
        StartedExecution? started;
        using (var item = unit.Savepoint())
        {
            started = RecordTrade(unit, fill, marketOpen, clock.GetUtcNow());
            item.Complete();
        }

        return Commit(unit, started)?.Execution;
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
        var started = new List<StartedExecution>();
        foreach (var position in Candidates(route.Broker.Kind))
        {
            if (HedgeReadiness.Evaluate(OnBroker(position, route.Broker.Kind), route.Broker.Kind) is not HedgeDecision.Ready
                || !await route.Broker.IsMarketOpenAsync(cancellationToken).ConfigureAwait(false))
                continue;
            using var gate = await guards.EnterAsync(position.Symbol, cancellationToken).ConfigureAwait(false);
            using var unit = database.BeginWrite();
            if (Commit(unit, TryStartExecution(unit, position.Symbol, clock.GetUtcNow())) is { } execution)
                started.Add(execution);
        }

        return await PlaceStartedAsync(started, recordNow: true, cancellationToken).ConfigureAwait(false);
    }

    // After refused credentials the broker is probed on each checker tick; until an active account
    // answers, nothing is placed (§10). With a fallback broker the main one is probed on every tick (§14.3).
    // The position as the broker that would get its hedge sees it: that broker's threshold applies (§14.3).
    private Position OnBroker(Position position, SupportedExecutor broker) =>
        ThresholdOn(broker) is { } threshold ? position with { Threshold = threshold } : position;

    // The threshold every position has on this broker, or null when each keeps its own.
    private ExecutionThreshold? ThresholdOn(SupportedExecutor broker) =>
        brokers.Fallback is null ? null : brokers.ThresholdFor(broker, settings.Threshold);

    /// <summary>The symbol's position, or <c>null</c> when no fill of it was seen.</summary>
    public Position? LoadPosition(Symbol symbol) => new PositionView(database).Load(symbol);

    internal HedgingGuards Guards => guards;

    /// <summary>Why a fill of <paramref name="symbol"/> is not hedged (an unknown token), or null when it is known.</summary>
    internal TradeInputError? UnknownToken(UnitOfWork unit, Symbol symbol) => KnownSymbols.Refusal(unit, settings.KnownSymbols, symbol);

    /// <summary>Asked before the transaction: a broker call (Alpaca reads its calendar) never holds the write lock.</summary>
    internal Task<bool> IsMarketOpenAsync(CancellationToken cancellationToken) => brokers.Active.IsMarketOpenAsync(cancellationToken);

    /// <summary>§6.2 steps 1–7 inside the caller's unit: the trade, its position and the hedge it triggers, if any.</summary>
    internal StartedExecution? RecordTrade(UnitOfWork unit, OnChainFill fill, bool marketOpen, DateTimeOffset now)
    {
        var acknowledge = new PositionCommand.AcknowledgeOnChainFill(
            fill.Symbol, settings.Threshold, fill.TradeId, fill.Amount, fill.Direction, fill.PriceUsdc, fill.BlockTimestamp);
        if (unit.Execute(recorder.Positions, fill.Symbol.Value, position => PositionDecider.Decide(position, acknowledge, now)) is PositionDecision.Rejected refused)
            throw new InvalidOperationException($"A validated fill was refused by position {fill.Symbol}: {refused.Error}");
        // §6.2 step 1 with nothing read: the primary key of the trade's first event refuses a fill seen before, and
        // the item's savepoint undoes the position's events.
        var witness = new OnChainTradeCommand.Witness(fill.Symbol, fill.Amount, fill.Direction, fill.PriceUsdc, fill.BlockNumber, fill.BlockTimestamp);
        if (unit.TryCreate(trades, fill.TradeId.ToString(), trade => OnChainTradeDecider.Decide(trade, witness, now)) is null)
        {
            if (!unit.UndoItem())
                throw new InvalidOperationException("A trade is recorded in a savepoint of its own, so that a duplicate leaves nothing.");
            return null; // a duplicate: counted once already
        }
        recorder.FailIfStale(unit, fill.Symbol, now);
        return marketOpen ? TryStartExecution(unit, fill.Symbol, now) : null;
    }

    // §6.2 steps 5–7: readiness, lease, the controls of §14 (slice, kill switch, daily limit), next execution id,
    // PlaceOffChainOrder, Place.
    private StartedExecution? TryStartExecution(UnitOfWork unit, Symbol symbol, DateTimeOffset now)
    {
        var broker = brokers.Active.Kind;
        if (unit.Load(recorder.Positions, symbol.Value).State is not { } stored
            || OnBroker(stored, broker) is var position && HedgeReadiness.Evaluate(position, broker) is not HedgeDecision.Ready hedge
            || !unit.SymbolLocks.TryAcquire(symbol, now, (guards.InstanceId, now + guards.PlacementDeadline)))
            return null;
        if ((guards.Risk is { } risk ? risk.Admit(unit, position, hedge.Shares, broker, now) : hedge.Shares) is not { } shares)
        {
            unit.SymbolLocks.Release(symbol);
            return null;
        }

        if (position.Threshold != stored.Threshold)
            unit.Execute(recorder.Positions, symbol.Value, current => PositionDecider.Decide(current, new PositionCommand.UpdateThreshold(position.Threshold), now));
        var executionId = new ExecutionId(unit.NextNumericId(recorder.Orders.AggregateType));
        var place = new PositionCommand.PlaceOffChainOrder(executionId, shares, hedge.Direction, broker);
        if (unit.Execute(recorder.Positions, symbol.Value, current => PositionDecider.Decide(current, place, now)) is PositionDecision.Rejected)
        {
            unit.SymbolLocks.Release(symbol);
            return null;
        }

        var order = new OffchainOrderCommand.Place(symbol, shares, hedge.Direction, broker, clientOrderIds.Next());
        unit.Execute(recorder.Orders, executionId.ToString(), existing => OffchainOrderDecider.Decide(existing, order, now));
        var terms = unit.Load(recorder.Orders, executionId.ToString()).State!.Terms; // as appended in this unit: no read
        return new StartedExecution(new OffchainExecution(executionId, symbol, shares, hedge.Direction, broker), terms);
    }

    private StartedExecution? Commit(UnitOfWork unit, StartedExecution? started)
    {
        CommitStarted(unit, started is null ? [] : [started.Execution]);
        return started;
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

    // The positions the view rows say may be ready on this broker (a tick loads these few, not every position).
    private List<Position> Candidates(SupportedExecutor broker)
    {
        using var unit = database.BeginRead();
        return PositionView.MayBeReady(unit, ThresholdOn(broker))
            .Select(symbol => unit.Load(recorder.Positions, symbol).State!)
            .ToList();
    }
}
