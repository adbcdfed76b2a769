using System.Collections.Concurrent;
using System.Globalization;
using Moq;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Support.TestData;

namespace TradingBot.Acceptance.Support.Fakes;

/// <summary>
/// The broker port as a Moq mock that behaves like DOMAIN §9.5's fake executor: accepted orders get
/// TEST_1, TEST_2… (only accepted placements take a number), every order reads as filled at $100.00 at
/// the clock's now unless told otherwise, the market is open, and failures are configured per scenario:
/// the next orders or every order rejected until it recovers, no answer at all, or the next placement
/// held until released (to stop the bot while a hedge is on its way). The one broker double of the
/// scenario world, whether a driver runs the bot's jobs or the hosted bot runs them.
/// </summary>
public sealed class MockExecutor
{
    public const decimal FillPrice = ScenarioDefaults.DryRunFillPrice;

    private readonly Mock<IExecutor> mock = new(MockBehavior.Strict);
    private readonly TimeProvider clock;
    private readonly ConcurrentDictionary<ClientOrderId, BrokerOrderId> accepted = new();
    private readonly ConcurrentDictionary<BrokerOrderId, BrokerOrderState> statuses = new();
    private readonly ConcurrentQueue<PlacementFailure> failures = new();
    private Func<BrokerOrderId, BrokerOrderState>? everyStatus;
    private Func<Task>? duringLookup;
    private Func<Task>? duringPlacement;
    private int acceptedCount;
    private volatile string? everyPlacementFails;
    private volatile bool noAnswer;
    private volatile bool cancelsUnanswered;
    private volatile bool marketOpen = true;
    private volatile TaskCompletionSource? hold;
    private volatile TaskCompletionSource? held;
    private TaskCompletionSource heldArrived = NewSignal();
    private readonly TaskCompletionSource crashed = NewSignal();
    private int crashAfter;
    private int placementsReceived;
    private SupportedExecutor kind = SupportedExecutor.DryRun;

    public MockExecutor(TimeProvider clock)
    {
        this.clock = clock;
        mock.SetupGet(executor => executor.Kind).Returns(() => kind);
        mock.Setup(executor => executor.IsMarketOpenAsync(It.IsAny<CancellationToken>())).Returns(() => Task.FromResult(marketOpen));
        mock.Setup(executor => executor.PlaceMarketOrderAsync(It.IsAny<MarketOrder>(), It.IsAny<CancellationToken>()))
            .Returns((MarketOrder order, CancellationToken cancellationToken) => PlaceAsync(order, cancellationToken));
        mock.Setup(executor => executor.GetOrderStatusAsync(It.IsAny<BrokerOrderId>(), It.IsAny<CancellationToken>()))
            .Returns((BrokerOrderId orderId, CancellationToken _) => Task.FromResult(Status(orderId)));
        mock.Setup(executor => executor.FindByClientOrderIdAsync(It.IsAny<ClientOrderId>(), It.IsAny<CancellationToken>()))
            .Returns((ClientOrderId clientOrderId, CancellationToken _) => LookupAsync(clientOrderId));
        mock.Setup(executor => executor.CancelOrderAsync(It.IsAny<BrokerOrderId>(), It.IsAny<CancellationToken>()))
            .Returns((BrokerOrderId orderId, CancellationToken _) => Task.FromResult(Cancel(orderId)));
    }

    public IExecutor Executor => mock.Object;

    public SupportedExecutor Kind => kind;

    /// <summary>The kind sets the threshold and whether hedges are cut to whole shares.</summary>
    public void WithKind(SupportedExecutor executor) => kind = executor;

    /// <summary>Every placement fails with <paramref name="message"/> until <see cref="Recover"/>; status reads then find no order.</summary>
    public void WithFailure(string message) => everyPlacementFails = message;

    /// <summary>The broker is back: no placement fails any more, whatever failures were still to come.</summary>
    public void Recover()
    {
        everyPlacementFails = null;
        failures.Clear();
    }

    /// <summary>Completes when a held placement has reached the broker.</summary>
    public Task PlacementHeld => heldArrived.Task;

    /// <summary>The next placement waits, unanswered, until <see cref="ReleasePlacement"/>.</summary>
    public void HoldNextPlacement()
    {
        heldArrived = NewSignal();
        hold = NewSignal();
    }

    public void ReleasePlacement()
    {
        hold?.TrySetResult();
        held?.TrySetResult();
    }

    /// <summary>The next <paramref name="count"/> placements (of <paramref name="symbol"/> only, when given) fail with <paramref name="message"/>.</summary>
    public void WithPlacementFailures(int count, string message, Symbol? symbol = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        failures.Enqueue(new PlacementFailure(symbol, message, count));
    }

    /// <summary>From now on the broker reports <paramref name="state"/> for the order.</summary>
    public void WithOrderStatus(BrokerOrderId orderId, BrokerOrderState state) => statuses[orderId] = state;

    /// <summary>From now on the broker answers every status read with <paramref name="answer"/> (one order's own status still wins).</summary>
    public void WithOrderStatus(Func<BrokerOrderId, BrokerOrderState> answer) => everyStatus = answer;

    /// <summary>Runs while a lookup by client order id is under way, before the broker answers (a race with another process).</summary>
    public void DuringLookup(Func<Task> action) => duringLookup = action;

    /// <summary>Runs while an order is on its way to the broker, before it arrives (latency, another process's poll).</summary>
    public void DuringPlacement(Func<Task> action) => duringPlacement = action;

    public void WithMarketOpen(bool open) => marketOpen = open;

    /// <summary>
    /// Once the broker has received <paramref name="placements"/> orders (those before included), the bot's process
    /// dies: the broker keeps the last order it took, and the placement never returns to the bot.
    /// </summary>
    public void CrashTheBotAfter(int placements)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(placements);
        crashAfter = placements;
    }

    /// <summary>Completes when the bot died at the placement <see cref="CrashTheBotAfter"/> named.</summary>
    public Task Crashed => crashed.Task;

    /// <summary>Placements are never answered and lookups fail: the order stays Pending until the stale cleanup.</summary>
    public void WithNoAnswer() => noAnswer = true;

    /// <summary>From now on status reads get no answer (a timeout): the bot cannot tell what became of its orders.</summary>
    public void WithStatusUnanswered() =>
        everyStatus = _ => new BrokerOrderState.Unreadable(new BrokerFailure(BrokerFailureKind.TimedOut, "timed out"));

    /// <summary>From now on cancel requests get no answer (a timeout).</summary>
    public void WithCancelsUnanswered() => cancelsUnanswered = true;

    /// <summary>
    /// An order whose placement got no answer turns out to have reached the broker after all, under
    /// <paramref name="orderId"/>: lookups by its client order id find it, and the broker answers again.
    /// </summary>
    public void WithLostOrderFound(ClientOrderId clientOrderId, BrokerOrderId orderId)
    {
        noAnswer = false;
        accepted[clientOrderId] = orderId;
    }

    /// <summary>The orders the bot asked the broker to cancel, one entry per request, in the order they arrived.</summary>
    public IReadOnlyList<BrokerOrderId> CancelRequests() =>
        mock.Invocations
            .Where(invocation => invocation.Method.Name == nameof(IExecutor.CancelOrderAsync))
            .Select(invocation => (BrokerOrderId)invocation.Arguments[0])
            .ToList();

    /// <summary>Every order the broker received, accepted or not, in the order they arrived.</summary>
    public IReadOnlyList<MarketOrder> ReceivedOrders() =>
        mock.Invocations
            .Where(invocation => invocation.Method.Name == nameof(IExecutor.PlaceMarketOrderAsync))
            .Select(invocation => (MarketOrder)invocation.Arguments[0])
            .ToList();

    /// <summary>How many times the bot read an order's status.</summary>
    public int StatusReads() => mock.Invocations.Count(invocation => invocation.Method.Name == nameof(IExecutor.GetOrderStatusAsync));

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task<PlacementResult> PlaceAsync(MarketOrder order, CancellationToken cancellationToken)
    {
        if (duringPlacement is { } during)
            await during();
        if (Interlocked.Exchange(ref hold, null) is { } waiting)
        {
            held = waiting;
            heldArrived.TrySetResult();
            await waiting.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        var result = Place(order);
        if (Interlocked.Increment(ref placementsReceived) == crashAfter)
        {
            crashed.TrySetResult();
            // A dead process hears no answer: the bot's work stops here for good, nothing after it runs.
            await new TaskCompletionSource().Task.ConfigureAwait(false);
        }

        return result;
    }

    private PlacementResult Place(MarketOrder order)
    {
        if (noAnswer)
            return new PlacementResult.Unknown(new BrokerFailure(BrokerFailureKind.TimedOut, "timed out"));
        if ((everyPlacementFails ?? TakeFailure(order.Symbol)) is { } message)
            return new PlacementResult.Rejected(new BrokerFailure(BrokerFailureKind.Rejected, message));
        var orderId = new BrokerOrderId(string.Create(CultureInfo.InvariantCulture, $"TEST_{Interlocked.Increment(ref acceptedCount)}"));
        accepted[order.ClientOrderId] = orderId;
        return new PlacementResult.Accepted(orderId);
    }

    private string? TakeFailure(Symbol symbol)
    {
        foreach (var failure in failures)
            if ((failure.Symbol is null || failure.Symbol == symbol) && failure.TryTake())
                return failure.Message;
        return null;
    }

    private BrokerOrderState Status(BrokerOrderId orderId) =>
        statuses.TryGetValue(orderId, out var state) ? state
        : everyStatus is { } answer ? answer(orderId)
        : everyPlacementFails is not null ? new BrokerOrderState.Failed(clock.GetUtcNow(), "OrderNotFound")
        : new BrokerOrderState.Filled(orderId, new Usd(FillPrice), clock.GetUtcNow());

    // An order that reads as ended cannot be canceled any more; any other is, once the broker gets to it:
    // how it ended is what the scenario reports next.
    private CancelResult Cancel(BrokerOrderId orderId) =>
        cancelsUnanswered ? new CancelResult.Unanswered(new BrokerFailure(BrokerFailureKind.TimedOut, "timed out"))
        : Status(orderId) is BrokerOrderState.Filled or BrokerOrderState.Failed or BrokerOrderState.CanceledAfterPartialFill ? new CancelResult.AlreadyEnded()
        : new CancelResult.Requested();

    private async Task<ClientOrderLookup> LookupAsync(ClientOrderId clientOrderId)
    {
        if (duringLookup is { } during)
            await during();
        return Lookup(clientOrderId);
    }

    private ClientOrderLookup Lookup(ClientOrderId clientOrderId) =>
        noAnswer ? new ClientOrderLookup.Failed(new BrokerFailure(BrokerFailureKind.TimedOut, "timed out"))
        : accepted.TryGetValue(clientOrderId, out var orderId) ? new ClientOrderLookup.Found(orderId)
        : new ClientOrderLookup.NotFound();

    /// <summary>A configured run of failing placements; thread-safe because workers place in parallel.</summary>
    private sealed class PlacementFailure(Symbol? symbol, string message, int count)
    {
        private int left = count;

        public Symbol? Symbol { get; } = symbol;

        public string Message { get; } = message;

        public bool TryTake() => Interlocked.Decrement(ref left) >= 0;
    }
}
