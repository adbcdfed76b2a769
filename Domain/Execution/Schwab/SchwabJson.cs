using System.Text.Json;

namespace TradingBot.Acceptance.Domain.Execution.Schwab;

/// <summary>The Trader API's JSON: camelCase fields, numbers as JSON numbers.</summary>
public static class SchwabJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
