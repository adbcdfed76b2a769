using System.Globalization;
using System.Text.Json;
using TradingBot.Acceptance.Domain.Execution.BrokerHttp;

namespace TradingBot.Acceptance.Domain.Execution.Schwab;

/// <summary>
/// Reads the equity market hours (<c>GET marketdata/v1/markets/equity?date=…</c>): open iff one of
/// the day's <c>regularMarket</c> sessions holds now. Unreadable hours count as closed.
/// </summary>
public static class SchwabMarketHours
{
    public static bool IsOpen(BrokerHttpOutcome outcome, DateTimeOffset now)
    {
        if (outcome is not BrokerHttpOutcome.Answered answer)
            return false;
        try
        {
            using var document = JsonDocument.Parse(answer.Body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("equity", out var equity)
                && equity.ValueKind == JsonValueKind.Object
                && equity.EnumerateObject().Any(product => HoldsNow(product.Value, now));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool HoldsNow(JsonElement product, DateTimeOffset now) =>
        product.ValueKind == JsonValueKind.Object
        && product.TryGetProperty("isOpen", out var isOpen) && isOpen.ValueKind == JsonValueKind.True
        && product.TryGetProperty("sessionHours", out var hours)
        && hours.ValueKind == JsonValueKind.Object
        && hours.TryGetProperty("regularMarket", out var sessions)
        && sessions.ValueKind == JsonValueKind.Array
        && sessions.EnumerateArray().Any(session =>
            TryReadTime(session, "start", out var start) && TryReadTime(session, "end", out var end)
            && start <= now && now < end);

    private static bool TryReadTime(JsonElement session, string field, out DateTimeOffset time)
    {
        time = default;
        return session.ValueKind == JsonValueKind.Object && session.TryGetProperty(field, out var text) && text.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(text.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }
}
