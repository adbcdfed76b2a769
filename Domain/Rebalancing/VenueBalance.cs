namespace TradingBot.Acceptance.Domain.Rebalancing;

/// <summary>A holding at one venue: what is there, and what left it and has not yet arrived elsewhere.</summary>
public sealed record VenueBalance(decimal Available, decimal Inflight)
{
    public static readonly VenueBalance Empty = new(0m, 0m);
}
