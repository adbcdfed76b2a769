using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.Rebalancing.Alpaca;

/// <summary>Converts between dollars and USDC at Alpaca with USDCUSD orders (buy = USD → USDC).</summary>
public interface IUsdcConversion
{
    /// <summary>Places a market USDCUSD order (gtc) and returns the broker's order id.</summary>
    Task<string> PlaceAsync(Direction side, Usd quantity, Guid clientOrderId, CancellationToken cancellationToken);

    Task<UsdcOrderStatus> GetStatusAsync(string orderId, CancellationToken cancellationToken);
}
