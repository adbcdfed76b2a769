using System.Runtime.ExceptionServices;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.OffchainOrders;
using TradingBot.Acceptance.Domain.Risk;

namespace TradingBot.Acceptance.Domain.OrderStatus;

/// <summary>
/// Follows broker orders to their end (DOMAIN §6.4): reads the status of every submitted order of
/// this executor, records fills and failures, renews the lease of open orders, and looks up pending
/// orders whose placement outcome is unknown. Runs every <see cref="Interval"/> (plus up to
/// <see cref="MaxJitter"/>); drivers advance the clock and call it.
/// </summary>
public sealed class OrderStatusPoller
{
    public const string NoErrorReason = ExecutionRecorder.NoErrorReason;

    /// <summary>
    /// Answers recorded per transaction. A cycle may follow thousands of orders: in one transaction it would hold
    /// the writer, and the locks of all their symbols, for seconds, and every fill arriving meanwhile would wait.
    /// Each of these transactions is a background one: the queue processor's batches waiting meanwhile go first.
    /// </summary>
    public const int AnswersPerUnit = 32;
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan MaxJitter = TimeSpan.FromSeconds(5);

    private readonly EventStoreDatabase database;
    private readonly IExecutor executor;
    private readonly HedgingGuards guards;
    private readonly TimeProvider clock;
    private readonly ExecutionRecorder recorder;

    private readonly OrdersInDoubt doubts;

    // How RecordAsync's answers are recorded: made once, not per transaction.
    private readonly Func<PolledAnswer, Symbol> symbolOf = static answer => answer.Symbol;
    private readonly Func<UnitOfWork, PolledAnswer, ExecutionOutcome> recordAnswer;

    /// <param name="doubts">The bot's orders in doubt (its conductor's), which look for late fills; by default the poller's own.</param>
    public OrderStatusPoller(EventStoreDatabase database, IExecutor executor, TimeProvider clock, HedgingGuards guards, OrdersInDoubt? doubts = null)
    {
        this.database = database;
        this.executor = executor;
        this.guards = guards;
        this.clock = clock;
        recorder = new ExecutionRecorder(database, clock, guards);
        this.doubts = doubts ?? new OrdersInDoubt(new BrokerRoute(executor), clock, recorder);
        recordAnswer = (unit, answer) => answer.RecordIn(unit, recorder);
    }

    /// <summary>
    /// One poll cycle over every open order, by execution id: the broker is asked about each in turn, and
    /// every <see cref="AnswersPerUnit"/> answers are recorded in one transaction, a savepoint each; the first
    /// transaction records first the answers to placements of this process that no transaction has recorded yet
    /// (an order the broker took is polled with them). An answer whose recording throws leaves nothing of itself,
    /// the answers before it commit, the later orders wait for the next cycle, and the exception is rethrown (as
    /// is one from a broker call, after the answers already had are recorded). Returns what happened to each order.
    /// </summary>
    /// <param name="beforeEachUnit">
    /// Awaited before each full unit of answers is recorded (the hosted bot's <c>HedgingTurn</c>: fills waiting are hedged
    /// first); an exception from it ends the cycle as one from a broker call does.
    /// </param>
    public async Task<IReadOnlyList<ExecutionOutcome>> PollPendingOrdersAsync(
        CancellationToken cancellationToken, Func<CancellationToken, ValueTask>? beforeEachUnit = null)
    {
        var placingHere = new List<ExecutionId>();
        var outcomes = await PollCycleAsync(null, placingHere, beforeEachUnit, cancellationToken).ConfigureAwait(false);
        // Orders this process was placing when the cycle read, whose answers another transaction (the next batch's)
        // has recorded since: followed now rather than a cycle later.
        var recordedSince = placingHere.Where(id => !guards.IsPlacing(id)).ToHashSet();
        return recordedSince.Count == 0 ? outcomes
            : [.. outcomes, .. await PollCycleAsync(recordedSince, null, beforeEachUnit, cancellationToken).ConfigureAwait(false)];
    }

    // One cycle, over every open order or only some (then without the late-fill lookups); notes the orders skipped as placed by this process.
    private async Task<IReadOnlyList<ExecutionOutcome>> PollCycleAsync(
        HashSet<ExecutionId>? only, List<ExecutionId>? placingHere, Func<CancellationToken, ValueTask>? beforeEachUnit, CancellationToken cancellationToken)
    {
        IReadOnlyList<TrackedOrder> open;
        IReadOnlyList<TrackedOrder> failedAsStale;
        IReadOnlySet<string> placing;
        using (var unit = database.BeginRead())
        {
            open = OffchainOrderView.Find(unit, recorder.Orders, "Pending", "Submitted", "PartiallyFilled");
            failedAsStale = OffchainOrderView.FindUncreditedFailures(unit, recorder.Orders, ExecutionRecorder.StaleReason);
            placing = unit.SymbolLocks.PlacementsUnderWay(clock.GetUtcNow());
        }

        var placingAtRead = PlacingAtRead(open);
        var waiting = recorder.TakeWaiting();
        var accepted = waiting.Where(answer => answer.Accepted is not null).ToDictionary(answer => answer.ExecutionId, answer => answer.Accepted!.Value);
        var outcomes = new List<ExecutionOutcome?>(open.Count);
        var answers = new List<PolledAnswer>(AnswersPerUnit);
        ExceptionDispatchInfo? failure = null;
        try
        {
            foreach (var (executionId, order) in open)
            {
                if (order.Terms.Executor != executor.Kind || (only is not null && !only.Contains(executionId)))
                    continue;
                var slot = outcomes.Count;
                var (unrecorded, answer) = order switch
                {
                    OffchainOrder.Submitted submitted => await PollAsync(slot, executionId, order.Terms, submitted.BrokerOrderId, cancellationToken).ConfigureAwait(false),
                    OffchainOrder.PartiallyFilled partial => await PollAsync(slot, executionId, order.Terms, partial.BrokerOrderId, cancellationToken).ConfigureAwait(false),
                    // Taken by the broker, its submission recorded below before what this poll finds.
                    OffchainOrder.Pending when accepted.TryGetValue(executionId, out var brokerOrderId) =>
                        await PollAsync(slot, executionId, order.Terms, brokerOrderId, cancellationToken).ConfigureAwait(false),
                    // Placed by this process, or by another instance whose deadline has not passed: not ours to reconcile.
                    _ when placingAtRead.Contains(executionId) || guards.IsPlacing(executionId) => PlacedHere(executionId),
                    _ when placing.Contains(order.Terms.Symbol.Value) => (null, null),
                    _ => await ReconcileAsync(slot, executionId, order.Terms, cancellationToken).ConfigureAwait(false),
                };
                if (answer is { } polled)
                    answers.Add(polled);
                else if (unrecorded is null)
                    continue;
                outcomes.Add(unrecorded);
                if (answers.Count >= AnswersPerUnit)
                {
                    if (beforeEachUnit is not null)
                        await beforeEachUnit(cancellationToken).ConfigureAwait(false);
                    await RecordAsync(answers, waiting, outcomes, cancellationToken).ConfigureAwait(false);
                }

                if (unrecorded is ExecutionOutcome.Unknown { Failure.Kind: BrokerFailureKind.RateLimited })
                    break; // 429: this cycle ends here, the next one comes after Retry-After
            }

            // Orders failed as stale before the broker acknowledged them may have reached it: a fill found is credited (§13.5).
            foreach (var (symbol, record) in only is not null ? [] : await doubts.LookForLateFillsAsync(executor, failedAsStale, cancellationToken).ConfigureAwait(false))
            {
                answers.Add(PolledAnswer.ForRecord(outcomes.Count, symbol, record));
                outcomes.Add(null);
            }
        }
        catch (Exception exception)
        {
            failure = ExceptionDispatchInfo.Capture(exception);
        }

        if (answers.Count > 0 || waiting.Count > 0)
            await RecordAsync(answers, waiting, outcomes, cancellationToken).ConfigureAwait(false);
        failure?.Throw();
        return outcomes!;

        (ExecutionOutcome?, PolledAnswer?) PlacedHere(ExecutionId executionId)
        {
            placingHere?.Add(executionId);
            return (null, null);
        }
    }

    // The pending orders this process was placing as the cycle read them (only a pending order is reconciled).
    private HashSet<ExecutionId> PlacingAtRead(IReadOnlyList<TrackedOrder> open)
    {
        var placingAtRead = new HashSet<ExecutionId>();
        foreach (var (executionId, order) in open)
        {
            if (order is OffchainOrder.Pending && guards.IsPlacing(executionId))
                placingAtRead.Add(executionId);
        }

        return placingAtRead;
    }

    // Records the answers had so far in one transaction, after the waiting ones, each into its order's slot; none
    // is left to record after (waiting answers not committed go back to wait for the next transaction).
    private async Task RecordAsync(List<PolledAnswer> answers, List<BrokerAnswer> waiting, List<ExecutionOutcome?> outcomes, CancellationToken cancellationToken)
    {
        try
        {
            var recorded = await recorder.RecordAllAsync(answers, symbolOf, recordAnswer, continueAfterFailure: false, cancellationToken, waiting, inBackground: true)
                .ConfigureAwait(false);
            for (var answer = 0; answer < answers.Count; answer++)
                outcomes[answers[answer].Slot] = recorded[answer];
        }
        finally
        {
            answers.Clear();
            waiting.Clear();
        }
    }

    // Completes at once when the broker's answer is already there (an in-process broker): no task per order then.
    private async ValueTask<(ExecutionOutcome? Unrecorded, PolledAnswer? Answer)> PollAsync(
        int slot, ExecutionId executionId, OrderTerms terms, BrokerOrderId brokerOrderId, CancellationToken cancellationToken)
    {
        var state = await executor.GetOrderStatusAsync(brokerOrderId, cancellationToken).ConfigureAwait(false);
        return ExecutionRecorder.IsReadable(state)
            ? (null, PolledAnswer.ForStatus(slot, executionId, terms, brokerOrderId, state))
            : (new ExecutionOutcome.Unknown(executionId, ((BrokerOrderState.Unreadable)state).Failure), null);
    }

    // A pending order nobody is placing: its placement's outcome is unknown (a lookup failed, or a crash).
    // "Pending" is as of this cycle's read: a placement may have finished since, so a failure is only recorded
    // if the order is still pending when it is written.
    private async ValueTask<(ExecutionOutcome? Unrecorded, PolledAnswer? Answer)> ReconcileAsync(
        int slot, ExecutionId executionId, OrderTerms terms, CancellationToken cancellationToken)
    {
        var lookup = await executor.FindByClientOrderIdAsync(terms.ClientOrderId, cancellationToken).ConfigureAwait(false);
        return lookup switch
        {
            ClientOrderLookup.Found found => (null, PolledAnswer.ForRecord(slot, terms.Symbol, unit => recorder.RecordSubmission(unit, executionId, terms.Symbol, found.OrderId))),
            ClientOrderLookup.NotFound => (null, PolledAnswer.ForRecord(slot, terms.Symbol, unit => recorder.RecordNeverPlaced(
                unit, executionId, terms.Symbol, $"order never reached the broker (client order id {terms.ClientOrderId} not found)"))),
            ClientOrderLookup.Failed failed => (new ExecutionOutcome.Unknown(executionId, failed.Failure), null),
            _ => throw new ArgumentOutOfRangeException(nameof(terms), lookup, "Unknown lookup result."),
        };
    }
}
