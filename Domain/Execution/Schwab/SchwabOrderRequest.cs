namespace TradingBot.Acceptance.Domain.Execution.Schwab;

/// <summary>A single-leg equity market order for the regular session, good for the day.</summary>
public sealed record SchwabOrderRequest(
    string OrderType,
    string Session,
    string Duration,
    string OrderStrategyType,
    IReadOnlyList<SchwabOrderLeg> OrderLegCollection);
