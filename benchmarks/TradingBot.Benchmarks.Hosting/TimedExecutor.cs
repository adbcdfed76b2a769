using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Benchmarks.Hosting;

/// <summary>A dry-run broker that accepts every order at once and notes when each symbol's order arrived.</summary>
public sealed class TimedExecutor(TimeProvider clock) : IExecutor
{
    private int accepted;

    public ConcurrentDictionary<Symbol, long> PlacedAt { get; } = new();

    public int Accepted => Volatile.Read(ref accepted);

    public SupportedExecutor Kind => SupportedExecutor.DryRun;

    public Task<bool> IsMarketOpenAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    public Task<PlacementResult> PlaceMarketOrderAsync(MarketOrder order, CancellationToken cancellationToken)
    {
        PlacedAt.TryAdd(order.Symbol, Stopwatch.GetTimestamp());
        var id = Interlocked.Increment(ref accepted);
        return Task.FromResult<PlacementResult>(new PlacementResult.Accepted(new BrokerOrderId(id.ToString(CultureInfo.InvariantCulture))));
    }

    public Task<BrokerOrderState> GetOrderStatusAsync(BrokerOrderId orderId, CancellationToken cancellationToken) =>
        Task.FromResult<BrokerOrderState>(new BrokerOrderState.Filled(orderId, new Usd(100.00m), clock.GetUtcNow()));

    public Task<ClientOrderLookup> FindByClientOrderIdAsync(ClientOrderId clientOrderId, CancellationToken cancellationToken) =>
        Task.FromResult<ClientOrderLookup>(new ClientOrderLookup.NotFound());

    /// <summary>Every order filled at once: there is never one left to cancel.</summary>
    public Task<CancelResult> CancelOrderAsync(BrokerOrderId orderId, CancellationToken cancellationToken) =>
        Task.FromResult<CancelResult>(new CancelResult.AlreadyEnded());
}
