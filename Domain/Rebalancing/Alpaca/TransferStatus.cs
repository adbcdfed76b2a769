namespace TradingBot.Acceptance.Domain.Rebalancing.Alpaca;

/// <summary>A wallet transfer's status, in the only order it may move (a status never goes backwards).</summary>
public enum TransferStatus
{
    Pending,
    Processing,
    Complete,
    Failed,
}
