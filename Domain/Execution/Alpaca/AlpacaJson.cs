using System.Text.Json;

namespace TradingBot.Acceptance.Domain.Execution.Alpaca;

/// <summary>The Broker API's JSON: snake_case fields.</summary>
public static class AlpacaJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
