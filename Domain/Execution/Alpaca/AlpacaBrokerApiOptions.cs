using TradingBot.Acceptance.Domain.Execution.BrokerHttp;

namespace TradingBot.Acceptance.Domain.Execution.Alpaca;

/// <summary>Credentials and account of the Alpaca Broker API; the base URL is the HttpClient's.</summary>
public sealed record AlpacaBrokerApiOptions(string ApiKey, string ApiSecret, string AccountId)
{
    public BrokerHttpOptions Http { get; init; } = new();

    /// <summary>How long an asset's status is trusted before it is read again.</summary>
    public TimeSpan AssetCacheDuration { get; init; } = TimeSpan.FromSeconds(3600);

    /// <summary>The calendar's hours are New York time.</summary>
    public TimeZoneInfo MarketTimeZone { get; init; } = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public override string ToString() => $"Alpaca Broker API account {AccountId}"; // keeps the secret out of logs
}
