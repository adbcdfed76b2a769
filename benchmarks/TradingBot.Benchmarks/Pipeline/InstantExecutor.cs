using System.Diagnostics;
using System.Globalization;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Benchmarks.Pipeline;

/// <summary>
/// A broker answered in process, at once: every order is accepted and reads as filled at $100.00, so
/// the measured time is the bot's own. Remembers when each symbol's latest order arrived, and tells
/// <see cref="Received"/> of every order as it arrives.
/// </summary>
public sealed class InstantExecutor(TimeProvider clock) : IExecutor
{
    private static readonly Usd FillPrice = new(100.00m);

    private readonly Dictionary<Symbol, long> placedAt = [];
    private readonly Lock gate = new();
    private long placed;

    public SupportedExecutor Kind => SupportedExecutor.DryRun;

    public long Placed => Interlocked.Read(ref placed);

    /// <summary>Called with each order and the <see cref="Stopwatch"/> timestamp at which it arrived, on the placing thread.</summary>
    public Action<MarketOrder, long>? Received { get; set; }

    /// <summary>The <see cref="Stopwatch"/> timestamp of the latest order for the symbol.</summary>
    public long PlacedAt(Symbol symbol)
    {
        lock (gate)
            return placedAt.GetValueOrDefault(symbol);
    }

    public Task<bool> IsMarketOpenAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    public Task<PlacementResult> PlaceMarketOrderAsync(MarketOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var arrived = Stopwatch.GetTimestamp();
        lock (gate)
            placedAt[order.Symbol] = arrived;
        Received?.Invoke(order, arrived);
        var number = Interlocked.Increment(ref placed);
        return Task.FromResult<PlacementResult>(new PlacementResult.Accepted(new BrokerOrderId(number.ToString(CultureInfo.InvariantCulture))));
    }

    public Task<BrokerOrderState> GetOrderStatusAsync(BrokerOrderId orderId, CancellationToken cancellationToken) =>
        Task.FromResult<BrokerOrderState>(new BrokerOrderState.Filled(orderId, FillPrice, clock.GetUtcNow()));

    public Task<ClientOrderLookup> FindByClientOrderIdAsync(ClientOrderId clientOrderId, CancellationToken cancellationToken) =>
        Task.FromResult<ClientOrderLookup>(new ClientOrderLookup.NotFound());

    /// <summary>Every order filled at once: there is never one left to cancel.</summary>
    public Task<CancelResult> CancelOrderAsync(BrokerOrderId orderId, CancellationToken cancellationToken) =>
        Task.FromResult<CancelResult>(new CancelResult.AlreadyEnded());
}
