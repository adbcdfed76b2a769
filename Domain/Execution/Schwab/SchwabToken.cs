using System.Text.Json.Serialization;

namespace TradingBot.Acceptance.Domain.Execution.Schwab;

/// <summary>The OAuth token answer; Schwab may hand out a new refresh token with it.</summary>
public sealed record SchwabToken(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("expires_in")] int? ExpiresIn)
{
    public override string ToString() => $"SchwabToken {{ AccessToken = ***, RefreshToken = ***, ExpiresIn = {ExpiresIn} }}";
}
