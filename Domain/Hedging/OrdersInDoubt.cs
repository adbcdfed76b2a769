using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OffchainOrders;
using TradingBot.Acceptance.Domain.Risk;

namespace TradingBot.Acceptance.Domain.Hedging;

/// <summary>
/// Talks to the broker about orders whose outcome is in doubt (docs/domain.md §13): asks it to cancel them,
/// again on each check until it answers; reads the status of one that had already ended; and looks up, for 24
/// hours, the orders failed before they were acknowledged, crediting a fill found. Alerts go to the log as warnings.
/// </summary>
public sealed partial class OrdersInDoubt
{
    private readonly BrokerRoute brokers;
    private readonly TimeProvider clock;
    private readonly ExecutionRecorder recorder;

    // Cancels the broker answered, by execution: not sent again. Kept in memory: after a restart each is sent once more.
    private readonly ConcurrentDictionary<ExecutionId, byte> answered = new();

    internal OrdersInDoubt(BrokerRoute brokers, TimeProvider clock, ExecutionRecorder recorder)
    {
        this.brokers = brokers;
        this.clock = clock;
        this.recorder = recorder;
    }

    /// <summary>Where the operator alerts (an order still in doubt after an hour, a late fill) are written.</summary>
    public ILogger Logger { get; set; } = NullLogger.Instance;

    /// <summary>
    /// Sends the cancel of every order in doubt whose last cancel got no answer, outside any transaction, then
    /// records, in one transaction, how the orders the broker says had already ended ended.
    /// </summary>
    internal async Task<IReadOnlyList<ExecutionOutcome>> SendCancelsAsync(IReadOnlyList<InDoubtOrder> orders, CancellationToken cancellationToken)
    {
        foreach (var id in answered.Keys.Where(id => orders.All(order => order.ExecutionId != id)))
            answered.TryRemove(id, out _);
        var answers = new List<(Symbol Symbol, Func<UnitOfWork, ExecutionOutcome> Record)>();
        foreach (var (id, terms, brokerOrderId) in orders.Where(order => !answered.ContainsKey(order.ExecutionId)))
        {
            // The broker that holds the order, which after a failover may not be the one new hedges go to.
            var executor = brokers.For(terms.Executor);
            switch (await executor.CancelOrderAsync(brokerOrderId, cancellationToken).ConfigureAwait(false))
            {
                case CancelResult.Requested:
                    answered.TryAdd(id, 0);
                    break;
                case CancelResult.AlreadyEnded:
                    answered.TryAdd(id, 0);
                    var state = await executor.GetOrderStatusAsync(brokerOrderId, cancellationToken).ConfigureAwait(false);
                    if (recorder.RecordStatus(id, terms, brokerOrderId, state) is { } record)
                        answers.Add((terms.Symbol, record));
                    break;
                case CancelResult.Unanswered unanswered:
                    LogCancelUnanswered(Logger, id, terms.Symbol, unanswered.Failure.Reason);
                    break;
            }
        }

        return await recorder.RecordAllAsync(answers, continueAfterFailure: true, cancellationToken).ConfigureAwait(false);
    }

    internal void Alert(ExecutionId id, Symbol symbol, DateTimeOffset since) => LogOrderInDoubt(Logger, id, symbol, since);

    /// <summary>
    /// Looks up, by client order id, every order of <paramref name="executor"/> failed as stale before it was acknowledged in the
    /// last 24 hours and not credited yet; a fill found is credited (§13.5). Returns what to record.
    /// </summary>
    internal async Task<IReadOnlyList<(Symbol Symbol, Func<UnitOfWork, ExecutionOutcome> Record)>> LookForLateFillsAsync(
        IExecutor executor, IReadOnlyList<TrackedOrder> failed, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var answers = new List<(Symbol, Func<UnitOfWork, ExecutionOutcome>)>();
        foreach (var (id, order) in failed)
        {
            if (order is not OffchainOrder.Failed { BrokerOrderId: null, LateFill: null, Error: ExecutionRecorder.StaleReason } stale
                || stale.Terms.Executor != executor.Kind || now - stale.FailedAt > OrderDoubt.LateFillWindow)
                continue;
            if (await executor.FindByClientOrderIdAsync(stale.Terms.ClientOrderId, cancellationToken).ConfigureAwait(false) is not ClientOrderLookup.Found found)
                continue;
            var filled = await executor.GetOrderStatusAsync(found.OrderId, cancellationToken).ConfigureAwait(false) switch
            {
                BrokerOrderState.Filled whole => (Shares: stale.Terms.Shares, whole.Price, At: whole.ExecutedAt),
                BrokerOrderState.CanceledAfterPartialFill partial => (Shares: partial.SharesFilled, Price: partial.AvgPrice, At: partial.CanceledAt),
                _ => default((FractionalShares Shares, Usd Price, DateTimeOffset At)?),
            };
            if (filled is not { } fill)
                continue;
            LogLateFill(Logger, id, stale.Terms.Symbol, fill.Shares.Value, fill.Price.Value);
            answers.Add((stale.Terms.Symbol, unit => recorder.RecordLateFill(unit, id, stale.Terms, found.OrderId, fill.Shares, fill.Price, fill.At)));
        }

        return answers;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "OrderInDoubt: order {ExecutionId} ({Symbol}) is still in doubt, its cancel requested at {Since:O}; the symbol stays blocked")]
    private static partial void LogOrderInDoubt(ILogger logger, ExecutionId executionId, Symbol symbol, DateTimeOffset since);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Late fill: order {ExecutionId} ({Symbol}), failed as stale, filled {Shares} at the broker at {Price}; credited")]
    private static partial void LogLateFill(ILogger logger, ExecutionId executionId, Symbol symbol, decimal shares, decimal price);

    [LoggerMessage(Level = LogLevel.Information, Message = "The cancel of order {ExecutionId} ({Symbol}) got no answer ({Reason}); it is sent again on the next check")]
    private static partial void LogCancelUnanswered(ILogger logger, ExecutionId executionId, Symbol symbol, string reason);
}
