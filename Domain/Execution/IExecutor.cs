using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.Execution;

/// <summary>
/// The broker port: places hedges and reports on them. Adapters (Alpaca, Schwab, dry-run) alone
/// know the wire format; the conductor and the poller only see these domain types.
/// </summary>
public interface IExecutor
{
    /// <summary>The kind of broker: it fixes the threshold and whether fractions may be traded.</summary>
    SupportedExecutor Kind { get; }

    /// <summary>Whether the broker trades right now (regular hours only).</summary>
    Task<bool> IsMarketOpenAsync(CancellationToken cancellationToken);

    /// <summary>Sends one market order; never throws for a broker answer, only classifies it.</summary>
    Task<PlacementResult> PlaceMarketOrderAsync(MarketOrder order, CancellationToken cancellationToken);

    /// <summary>Reads the status of an order the broker accepted.</summary>
    Task<BrokerOrderState> GetOrderStatusAsync(BrokerOrderId orderId, CancellationToken cancellationToken);

    /// <summary>Finds an order by the id the bot chose, after a placement whose outcome is unknown.</summary>
    Task<ClientOrderLookup> FindByClientOrderIdAsync(ClientOrderId clientOrderId, CancellationToken cancellationToken);

    /// <summary>Asks the broker to cancel an order it accepted (an order in doubt); never throws for a broker answer.</summary>
    Task<CancelResult> CancelOrderAsync(BrokerOrderId orderId, CancellationToken cancellationToken);
}
