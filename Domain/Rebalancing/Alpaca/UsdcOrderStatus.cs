namespace TradingBot.Acceptance.Domain.Rebalancing.Alpaca;

/// <summary>A USDCUSD order as the broker reports it: its raw status and what has filled.</summary>
public sealed record UsdcOrderStatus(string Status, decimal? FilledQuantity)
{
    public bool IsFilled => Status == "filled";

    public bool HasEndedUnfilled => Status is "canceled" or "expired" or "rejected" or "done_for_day" or "replaced" or "suspended";
}
