namespace TradingBot.Acceptance.Support.Hosting;

/// <summary>Where every scenario's clock starts: a trading day, inside regular hours.</summary>
public static class MarketHours
{
    /// <summary>Wednesday 12 March 2025, 10:00 in New York (14:00 UTC).</summary>
    public static readonly DateTimeOffset ScenarioStart = new(2025, 3, 12, 14, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly TradingDay = new(2025, 3, 12);
}
