namespace TradingBot.Acceptance.Support.Fakes;

/// <summary>One USDCUSD order the simulated Alpaca keeps: what was ordered, and what it reports filled.</summary>
public sealed record ConversionOrder(string Id, string ClientOrderId, string Side, decimal Quantity, decimal FilledQuantity);
