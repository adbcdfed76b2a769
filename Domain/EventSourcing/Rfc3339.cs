using System.Globalization;

namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// Timestamps as stored: RFC 3339 UTC with a fixed width, so that text order is time order in SQL
/// (leases, <c>last_updated</c>).
/// </summary>
public static class Rfc3339
{
    private const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
