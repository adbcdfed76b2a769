namespace TradingBot.Acceptance.Domain.Execution.Alpaca;

/// <summary>The body of a market order: quantities are strings, as the Broker API expects.</summary>
public sealed record AlpacaOrderRequest(
    string Symbol,
    string Qty,
    string Side,
    string Type,
    string TimeInForce,
    bool ExtendedHours,
    string ClientOrderId);
