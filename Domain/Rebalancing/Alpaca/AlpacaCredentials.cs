using System.Net.Http.Headers;
using System.Text;

namespace TradingBot.Acceptance.Domain.Rebalancing.Alpaca;

/// <summary>Alpaca API keys and account; builds the HTTP clients for each API with its own authentication.</summary>
public sealed record AlpacaCredentials(string KeyId, string SecretKey, string AccountId)
{
    public override string ToString() => $"AlpacaCredentials {{ KeyId = ***, SecretKey = ***, AccountId = {AccountId} }}";

    /// <summary>Tokenization and wallet APIs: <c>APCA-API-KEY-ID</c> / <c>APCA-API-SECRET-KEY</c> headers.</summary>
    public HttpClient CreateTokenizationHttpClient(Uri baseUrl)
    {
        var client = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("APCA-API-KEY-ID", KeyId);
        client.DefaultRequestHeaders.Add("APCA-API-SECRET-KEY", SecretKey);
        return client;
    }

    /// <summary>Broker API (USDCUSD orders): HTTP Basic <c>key:secret</c>.</summary>
    public HttpClient CreateBrokerHttpClient(Uri baseUrl)
    {
        var client = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{KeyId}:{SecretKey}")));
        return client;
    }
}
