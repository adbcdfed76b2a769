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

    // yyyy-MM-ddTHH:mm:ss.fffffffZ
    private const int StoredLength = 28;

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
        TryParseStored(text, out var instant) ? instant
        : DateTimeOffset.TryParseExact(text, RoundTrip, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var stored)
            ? stored
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    // The stored form read digit by digit: .NET parses "O" with styles through its general pattern interpreter,
    // and the queue, the leases and the views read several timestamps per fill. Anything else, or a date that does
    // not exist, is left to .NET's parser, which reads or refuses it as before.
    private static bool TryParseStored(ReadOnlySpan<char> text, out DateTimeOffset instant)
    {
        instant = default;
        if (text.Length != StoredLength || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':'
            || text[19] != '.' || text[27] != 'Z')
            return false;
        if (!Digits(text[..4], out var year) || !Digits(text.Slice(5, 2), out var month) || !Digits(text.Slice(8, 2), out var day)
            || !Digits(text.Slice(11, 2), out var hour) || !Digits(text.Slice(14, 2), out var minute) || !Digits(text.Slice(17, 2), out var second)
            || !Digits(text.Slice(20, 7), out var ticks))
            return false;
        if (year == 0 || month is 0 or > 12 || day == 0 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
            return false;
        instant = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero).AddTicks(ticks);
        return true;
    }

    // Plain ASCII digits only: no sign, no white space, no group separator.
    private static bool Digits(ReadOnlySpan<char> text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
