using System.Collections.Concurrent;
using System.Globalization;
using Moq;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Support.TestData;

namespace TradingBot.Acceptance.Support.Fakes;

/// <summary>
/// A Moq mock of <see cref="IExecutor"/> behaving like DOMAIN §9.5's fake: accepted orders get TEST_1,
/// TEST_2…, every status reads Filled at $100.00 at the clock's now, the market is open. It can reject
/// every order for a while (an outage), and hold the next placement until released, to stop the bot
/// while a hedge is on its way.
/// </summary>
public sealed class BrokerMock
{
    private readonly ConcurrentQueue<MarketOrder> received = new();
    private readonly ConcurrentDictionary<ClientOrderId, BrokerOrderId> accepted = new();
    private readonly TimeProvider clock;
    private volatile string? outage;
    private volatile TaskCompletionSource? hold;
    private volatile TaskCompletionSource? held;
    private TaskCompletionSource heldArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int acceptedCount;

    public BrokerMock(TimeProvider clock, SupportedExecutor kind = SupportedExecutor.DryRun)
    {
        this.clock = clock;
        Mock.Setup(executor => executor.Kind).Returns(kind);
        Mock.Setup(executor => executor.IsMarketOpenAsync(It.IsAny<CancellationToken>())).ReturnsAsync(true);
        Mock.Setup(executor => executor.PlaceMarketOrderAsync(It.IsAny<MarketOrder>(), It.IsAny<CancellationToken>()))
            .Returns((MarketOrder order, CancellationToken cancellationToken) => PlaceAsync(order, cancellationToken));
        Mock.Setup(executor => executor.GetOrderStatusAsync(It.IsAny<BrokerOrderId>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((BrokerOrderId id, CancellationToken _) => new BrokerOrderState.Filled(id, new Usd(ScenarioDefaults.DryRunFillPrice), this.clock.GetUtcNow()));
        Mock.Setup(executor => executor.FindByClientOrderIdAsync(It.IsAny<ClientOrderId>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((ClientOrderId id, CancellationToken _) =>
                accepted.TryGetValue(id, out var order) ? new ClientOrderLookup.Found(order) : new ClientOrderLookup.NotFound());
    }

    public Mock<IExecutor> Mock { get; } = new(MockBehavior.Strict);

    public IExecutor Executor => Mock.Object;

    /// <summary>Every order the broker received, accepted or not, in order.</summary>
    public IReadOnlyList<MarketOrder> Received => [.. received];

    /// <summary>Completes when a held placement has reached the broker.</summary>
    public Task PlacementHeld => heldArrived.Task;

    /// <summary>Rejects every order with <paramref name="message"/> until <see cref="Recover"/>.</summary>
    public void FailEveryOrder(string message) => outage = message;

    public void Recover() => outage = null;

    /// <summary>The next placement waits, unanswered, until <see cref="ReleasePlacement"/>.</summary>
    public void HoldNextPlacement()
    {
        heldArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void ReleasePlacement()
    {
        hold?.TrySetResult();
        held?.TrySetResult();
    }

    private async Task<PlacementResult> PlaceAsync(MarketOrder order, CancellationToken cancellationToken)
    {
        received.Enqueue(order);
        if (Interlocked.Exchange(ref hold, null) is { } waiting)
        {
            held = waiting;
            heldArrived.TrySetResult();
            await waiting.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (outage is { } message)
            return new PlacementResult.Rejected(new BrokerFailure(BrokerFailureKind.Rejected, message));
        var id = new BrokerOrderId(string.Create(CultureInfo.InvariantCulture, $"TEST_{Interlocked.Increment(ref acceptedCount)}"));
        accepted[order.ClientOrderId] = id;
        return new PlacementResult.Accepted(id);
    }
}
