using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// How payload fields are spelled: decimals as strings with their own scale (invariant, no exponent),
/// timestamps as RFC 3339 UTC. Written by hand, without reflection, because every trade writes several.
/// </summary>
public static class JsonPayload
{
    private const NumberStyles DecimalStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    // Formatted on the stack as UTF-8: several per fill, each a string before.
    public static void WriteDecimal(this Utf8JsonWriter writer, string name, decimal value)
    {
        Span<byte> text = stackalloc byte[64]; // a decimal has at most 29 digits, a sign and a point
        writer.WriteString(name, value.TryFormat(text, out var written, provider: CultureInfo.InvariantCulture)
            ? text[..written]
            : Encoding.UTF8.GetBytes(value.ToString(CultureInfo.InvariantCulture)));
    }

    public static void WriteOptionalDecimal(this Utf8JsonWriter writer, string name, decimal? value)
    {
        if (value is { } present)
            writer.WriteDecimal(name, present);
        else
            writer.WriteNull(name);
    }

    public static void WriteTimestamp(this Utf8JsonWriter writer, string name, DateTimeOffset value)
    {
        Span<byte> text = stackalloc byte[Rfc3339.MaxUtf8Length];
        writer.WriteString(name, Rfc3339.Format(value, text));
    }

    /// <summary>Why something failed and when: <c>"reason"</c> and the named timestamp, as every failure event spells them.</summary>
    public static void WriteReason(this Utf8JsonWriter writer, string reason, string timestampName, DateTimeOffset at)
    {
        writer.WriteString("reason", reason);
        writer.WriteTimestamp(timestampName, at);
    }

    /// <summary>An enum by its name, as <see cref="GetEnum{TEnum}"/> reads it (without boxing the value).</summary>
    public static void WriteEnum<TEnum>(this Utf8JsonWriter writer, string name, TEnum value) where TEnum : struct, Enum =>
        writer.WriteString(name, Enum.GetName(value) ?? throw new ArgumentOutOfRangeException(nameof(value), $"{value} is not a {typeof(TEnum).Name}."));

    /// <summary>A whole number of base units (a token amount, a receipt id) as its digit string.</summary>
    public static void WriteUnits(this Utf8JsonWriter writer, string name, BigInteger value) =>
        writer.WriteString(name, value.ToString(CultureInfo.InvariantCulture));

    public static BigInteger GetUnits(this JsonElement body, string name) =>
        BigInteger.Parse(body.GetText(name), NumberStyles.None, CultureInfo.InvariantCulture);

    public static decimal GetDecimal(this JsonElement body, string name) => ReadDecimal(body.GetRequired(name), name);

    public static decimal? GetOptionalDecimal(this JsonElement body, string name) =>
        body.TryGetProperty(name, out var field) && field.ValueKind == JsonValueKind.String ? ReadDecimal(field, name) : null;

    public static DateTimeOffset GetTimestamp(this JsonElement body, string name)
    {
        var field = body.GetRequired(name);
        if (!TryUnescaped(field, out var utf8) || utf8.Length > Rfc3339.MaxUtf8Length)
            return Rfc3339.Parse(field.GetString() ?? throw Missing(name));
        Span<char> text = stackalloc char[Rfc3339.MaxUtf8Length];
        return Rfc3339.Parse(text[..Encoding.UTF8.GetChars(utf8, text)]);
    }

    // Decimals and timestamps, several in each event read (thousands in a replay), are parsed from the payload's
    // UTF-8 as it is, with no string made; a value holding an escape (never written so) is decoded first.
    private static decimal ReadDecimal(JsonElement field, string name) =>
        TryUnescaped(field, out var utf8)
            ? decimal.Parse(utf8, DecimalStyle, CultureInfo.InvariantCulture)
            : decimal.Parse(field.GetString() ?? throw Missing(name), DecimalStyle, CultureInfo.InvariantCulture);

    private static bool TryUnescaped(JsonElement field, out ReadOnlySpan<byte> utf8)
    {
        utf8 = default;
        if (field.ValueKind != JsonValueKind.String)
            return false;
        var raw = JsonMarshal.GetRawUtf8Value(field); // with its quotes
        utf8 = raw[1..^1];
        return utf8.IndexOf((byte)'\\') < 0;
    }

    public static string GetText(this JsonElement body, string name) =>
        body.GetRequired(name).GetString() ?? throw Missing(name);

    public static string? GetOptionalText(this JsonElement body, string name) =>
        body.TryGetProperty(name, out var field) && field.ValueKind == JsonValueKind.String ? field.GetString() : null;

    public static long GetInt64(this JsonElement body, string name) => body.GetRequired(name).GetInt64();

    public static JsonElement GetRequired(this JsonElement body, string name) =>
        body.TryGetProperty(name, out var field) ? field : throw Missing(name);

    public static TEnum GetEnum<TEnum>(this JsonElement body, string name) where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(body.GetText(name), ignoreCase: false, out var value) && Enum.IsDefined(value)
            ? value
            : throw new JsonException($"Field '{name}' holds '{body.GetText(name)}', which is not a {typeof(TEnum).Name}.");

    private static JsonException Missing(string name) => new($"Field '{name}' is missing or null.");
}
