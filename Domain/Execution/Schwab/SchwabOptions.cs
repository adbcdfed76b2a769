using TradingBot.Acceptance.Domain.Execution.BrokerHttp;

namespace TradingBot.Acceptance.Domain.Execution.Schwab;

/// <summary>
/// The Schwab Trader API app credentials, the refresh token from the one-time OAuth consent, and the
/// encrypted account number (<c>accountHash</c>) used in paths; the base URL is the HttpClient's.
/// </summary>
public sealed record SchwabOptions(string AppKey, string AppSecret, string RefreshToken, string AccountHash)
{
    public BrokerHttpOptions Http { get; init; } = new();

    /// <summary>A token this close to expiry is refreshed first, so it never expires in flight.</summary>
    public TimeSpan TokenRefreshMargin { get; init; } = TimeSpan.FromSeconds(60);

    public string TokenPath { get; init; } = "v1/oauth/token";

    /// <summary>The market day is the New York date.</summary>
    public TimeZoneInfo MarketTimeZone { get; init; } = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public override string ToString() => "Schwab Trader API account"; // keeps the secrets out of logs
}
