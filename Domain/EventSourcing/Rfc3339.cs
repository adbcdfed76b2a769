using System.Globalization;

namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// Timestamps as stored: RFC 3339 UTC with a fixed width, so that text order is time order in SQL
/// (leases, <c>last_updated</c>).
/// </summary>
public static class Rfc3339
{
    // "O" of a UTC DateTime is yyyy-MM-dd'T'HH:mm:ss.fffffff'Z', the stored form, on .NET's fast path
    // (a custom pattern is interpreted character by character on every call: several per fill).
    private const string RoundTrip = "O";

    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(RoundTrip, CultureInfo.InvariantCulture);

    /// <summary>Room for the stored form as UTF-8.</summary>
    public const int MaxUtf8Length = 64;

    /// <summary>The stored form as UTF-8 in <paramref name="room"/> (<see cref="MaxUtf8Length"/> bytes): no string is made.</summary>
    public static ReadOnlySpan<byte> Format(DateTimeOffset instant, Span<byte> room) =>
        instant.UtcDateTime.TryFormat(room, out var written, RoundTrip, CultureInfo.InvariantCulture)
            ? room[..written]
            : throw new ArgumentException($"{MaxUtf8Length} bytes do not hold {instant:O}.", nameof(room));

    public static DateTimeOffset Parse(string text) => Parse(text.AsSpan());

    public static DateTimeOffset Parse(ReadOnlySpan<char> text) =>
        DateTimeOffset.TryParseExact(text, RoundTrip, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var stored)
            ? stored
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
