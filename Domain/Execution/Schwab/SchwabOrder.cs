namespace TradingBot.Acceptance.Domain.Execution.Schwab;

/// <summary>An order as the Trader API returns it; every field may be missing from a bad answer.</summary>
public sealed record SchwabOrder(
    string? Status,
    string? StatusDescription,
    decimal? FilledQuantity,
    IReadOnlyList<SchwabOrderActivity>? OrderActivityCollection);
