using System.Collections.Concurrent;
using System.Globalization;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.UnitTests.Hedging;

/// <summary>
/// A hand-written broker for unit tests, behaving like DOMAIN §9.5: accepted orders get TEST_1,
/// TEST_2…, statuses are Filled at 100.00 at the clock's now unless told otherwise.
/// </summary>
public sealed class FakeExecutor(TimeProvider clock, SupportedExecutor kind = SupportedExecutor.DryRun) : IExecutor
{
    private readonly ConcurrentQueue<MarketOrder> placed = new();
    private readonly ConcurrentDictionary<ClientOrderId, BrokerOrderId> accepted = new();
    private int acceptedCount;
    private int failuresLeft;
    private string failureMessage = "";
    private bool noAnswer;
    private Func<BrokerOrderId, BrokerOrderState>? status;

    public SupportedExecutor Kind { get; } = kind;

    public bool MarketOpen { get; set; } = true;

    /// <summary>Every order the broker received, accepted or not.</summary>
    public IReadOnlyList<MarketOrder> Placed => [.. placed];

    public int StatusReads { get; private set; }

    public FakeExecutor WithPlacementFailures(int count, string message)
    {
        failuresLeft = count;
        failureMessage = message;
        return this;
    }

    public FakeExecutor WithOrderStatus(Func<BrokerOrderId, BrokerOrderState> answer)
    {
        status = answer;
        return this;
    }

    /// <summary>Placements are never answered and lookups fail: the order stays Pending.</summary>
    public FakeExecutor WithNoAnswer()
    {
        noAnswer = true;
        return this;
    }

    public Task<bool> IsMarketOpenAsync(CancellationToken cancellationToken) => Task.FromResult(MarketOpen);

    public Task<PlacementResult> PlaceMarketOrderAsync(MarketOrder order, CancellationToken cancellationToken)
    {
        placed.Enqueue(order);
        if (noAnswer)
            return Task.FromResult<PlacementResult>(new PlacementResult.Unknown(new BrokerFailure(BrokerFailureKind.TimedOut, "timed out")));
        if (Interlocked.Decrement(ref failuresLeft) >= 0)
            return Task.FromResult<PlacementResult>(new PlacementResult.Rejected(new BrokerFailure(BrokerFailureKind.Rejected, failureMessage)));
        var id = new BrokerOrderId(string.Create(CultureInfo.InvariantCulture, $"TEST_{Interlocked.Increment(ref acceptedCount)}"));
        accepted[order.ClientOrderId] = id;
        return Task.FromResult<PlacementResult>(new PlacementResult.Accepted(id));
    }

    public Task<BrokerOrderState> GetOrderStatusAsync(BrokerOrderId orderId, CancellationToken cancellationToken)
    {
        StatusReads++;
        return Task.FromResult(status?.Invoke(orderId) ?? new BrokerOrderState.Filled(orderId, new Usd(100.00m), clock.GetUtcNow()));
    }

    /// <summary>Runs while a lookup by client order id is under way, before the broker answers.</summary>
    public Func<Task>? DuringLookup { get; set; }

    public async Task<ClientOrderLookup> FindByClientOrderIdAsync(ClientOrderId clientOrderId, CancellationToken cancellationToken)
    {
        if (DuringLookup is { } during)
            await during();
        return noAnswer ? new ClientOrderLookup.Failed(new BrokerFailure(BrokerFailureKind.TimedOut, "timed out"))
            : accepted.TryGetValue(clientOrderId, out var id) ? new ClientOrderLookup.Found(id)
            : new ClientOrderLookup.NotFound();
    }
}
