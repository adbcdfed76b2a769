namespace TradingBot.Acceptance.Domain.Rebalancing.Alpaca;

public enum TokenizationRequestStatus
{
    Pending,
    Completed,
    Rejected,
}
