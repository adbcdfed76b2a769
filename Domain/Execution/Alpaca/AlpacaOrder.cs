namespace TradingBot.Acceptance.Domain.Execution.Alpaca;

/// <summary>An order as the Broker API returns it; every field may be missing from a bad answer.</summary>
public sealed record AlpacaOrder(
    string? Id,
    string? ClientOrderId,
    string? Status,
    string? FilledQty,
    string? FilledAvgPrice);
