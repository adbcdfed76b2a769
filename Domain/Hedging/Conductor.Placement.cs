using System.Runtime.ExceptionServices;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OffchainOrders;

namespace TradingBot.Acceptance.Domain.Hedging;

/// <summary>Sending recorded hedges to the broker and recording its answers (docs/domain.md §6.3).</summary>
public sealed partial class Conductor
{
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
        await PlaceAsync(PendingOrders(executionIds, outcomes), outcomes, recordNow: true, cancellationToken).ConfigureAwait(false);
        return outcomes.Select(outcome => outcome!).ToList();
    }

    /// <summary>
    /// Sends hedges this process has just recorded, with the terms it recorded (nothing to read back: no one
    /// else can have changed an order whose placement is under way). With <paramref name="recordNow"/> the
    /// answers are recorded at once; otherwise they wait for the write transaction that follows
    /// (<see cref="UnrecordedAnswers"/>), and each outcome is the broker's answer as it will be recorded.
    /// </summary>
    internal async Task<IReadOnlyList<ExecutionOutcome>> PlaceStartedAsync(IReadOnlyList<StartedExecution> started, bool recordNow, CancellationToken cancellationToken)
    {
        var outcomes = new ExecutionOutcome?[started.Count];
        await PlaceAsync([.. started.Select((execution, index) => (index, execution.Execution.ExecutionId, execution.Terms))], outcomes, recordNow, cancellationToken).ConfigureAwait(false);
        return outcomes.Select(outcome => outcome!).ToList();
    }

    /// <summary>Records, in a transaction of their own, the broker's answers that no transaction has recorded yet.</summary>
    internal Task RecordWaitingAnswersAsync(CancellationToken cancellationToken) =>
        guards.Answers.IsEmpty ? Task.CompletedTask : recorder.RecordAllAsync([], continueAfterFailure: true, cancellationToken, recorder.TakeWaiting());

    internal ExecutionRecorder Recorder => recorder;

    private async Task PlaceAsync(List<(int Index, ExecutionId ExecutionId, OrderTerms Terms)> pending, ExecutionOutcome?[] outcomes, bool recordNow, CancellationToken cancellationToken)
    {
        pending.ForEach(order => guards.BeginPlacement(order.ExecutionId));
        var answers = new List<BrokerAnswer>();
        var slots = new List<int>();
        var handedOver = false;
        try
        {
            ExceptionDispatchInfo? failure = null;
            foreach (var (index, id, terms) in pending)
            {
                try
                {
                    answers.Add(await PlaceAsync(id, terms, cancellationToken).ConfigureAwait(false));
                    slots.Add(index);
                }
                catch (Exception exception)
                {
                    failure = ExceptionDispatchInfo.Capture(exception);
                    break;
                }
            }

            IReadOnlyList<ExecutionOutcome> recorded;
            if (recordNow)
            {
                recorded = await recorder.RecordAllAsync([.. answers.Select(answer => (answer.Symbol, answer.Record))], continueAfterFailure: true, cancellationToken)
                    .ConfigureAwait(false);
            }
            else
            {
                guards.Answers.Add(answers);
                handedOver = true;
                recorded = [.. answers.Select(answer => answer.Outcome)];
            }

            failure?.Throw();
            for (var answer = 0; answer < slots.Count; answer++)
                outcomes[slots[answer]] = recorded[answer];
        }
        finally
        {
            // An answer handed over keeps its placement under way until it is recorded.
            foreach (var (_, id, _) in pending)
            {
                if (!handedOver || !answers.Exists(answer => answer.ExecutionId == id))
                    guards.EndPlacement(id);
            }
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

    // One broker call (and the lookup an unknown outcome needs): what it answered and how to record it.
    private async Task<BrokerAnswer> PlaceAsync(ExecutionId id, OrderTerms terms, CancellationToken cancellationToken)
    {
        var marketOrder = new MarketOrder(settings.BrokerSymbol(terms.Symbol), terms.Shares, terms.Direction, terms.ClientOrderId);
        var executor = brokers.For(terms.Executor);
        var symbol = terms.Symbol;
        BrokerAnswer Submitted(BrokerOrderId orderId) =>
            new(id, symbol, orderId, new ExecutionOutcome.Submitted(id, orderId), unit => recorder.RecordSubmission(unit, id, symbol, orderId));
        BrokerAnswer Failed(string reason) =>
            new(id, symbol, null, new ExecutionOutcome.Failed(id, reason), unit => recorder.RecordFailure(unit, id, symbol, reason));
        // Active/standby: an instance whose lease ran out (paused past it) sends nothing; the leader reconciles the order.
        database.Fence?.ThrowIfNotHeld($"placing order {id} ({terms.Symbol})");
        var result = await executor.PlaceMarketOrderAsync(marketOrder, cancellationToken).ConfigureAwait(false);
        switch (result)
        {
            case PlacementResult.Accepted accepted:
                return Submitted(accepted.OrderId);
            case PlacementResult.Rejected rejected:
                return Failed(rejected.Failure.Reason);
            case PlacementResult.Unknown unknown:
                var lookup = await executor.FindByClientOrderIdAsync(terms.ClientOrderId, cancellationToken).ConfigureAwait(false);
                if (lookup is ClientOrderLookup.Found found)
                    return Submitted(found.OrderId);
                if (lookup is ClientOrderLookup.NotFound)
                    return Failed(unknown.Failure.Reason);
                // Nothing known: the placement is over, and the pollers (of any instance) find out what became of it.
                var outcome = new ExecutionOutcome.Unknown(id, unknown.Failure);
                return new BrokerAnswer(id, symbol, null, outcome, unit => recorder.EndPlacement(unit, id, symbol, outcome));
            default:
                throw new ArgumentOutOfRangeException(nameof(terms), result, "Unknown placement result.");
        }
    }
}

/// <summary>A hedge recorded by this process, with the terms of its order as recorded.</summary>
internal sealed record StartedExecution(OffchainExecution Execution, OrderTerms Terms);
