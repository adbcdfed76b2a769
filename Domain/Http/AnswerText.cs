using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TradingBot.Acceptance.Domain.Http;

/// <summary>
/// What the bot keeps of the fields of a venue's answer. An identifier (an order, request or transfer id,
/// a transaction hash, an address, a status word) is kept only if it looks like one; a number only if it
/// reads as one. A field that does not is refused by name, never by value: an answer that reflects the
/// request (its headers, its credentials) into its fields cannot carry them into an event, a log or an error.
/// </summary>
public static partial class AnswerText
{
    public const int MaxIdentifierLength = 200;

    /// <summary>The text when it is an identifier: letters, digits and <c>- _ . : /</c>, at most 200 characters; otherwise null.</summary>
    public static string? Identifier(string? text) =>
        text is { Length: > 0 and <= MaxIdentifierLength } && IdentifierPattern().IsMatch(text) ? text : null;

    /// <summary>A string field when it is an identifier; null when it is missing or anything else.</summary>
    public static string? IdentifierOrNull(JsonNode? json, string name) =>
        Identifier(json?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null);

    /// <summary>A field that must be an identifier.</summary>
    /// <exception cref="ExternalApiException">The field is missing or is not an identifier.</exception>
    public static string RequiredIdentifier(JsonNode? json, string name) =>
        OptionalIdentifier(json, name) ?? throw Invalid(name, "missing");

    /// <summary>An identifier field that may be missing, null or empty (then null).</summary>
    /// <exception cref="ExternalApiException">The field is there but is not an identifier.</exception>
    public static string? OptionalIdentifier(JsonNode? json, string name)
    {
        var text = String(json, name);
        if (string.IsNullOrEmpty(text))
            return null;
        return Identifier(text) ?? throw Invalid(name, "not an identifier");
    }

    /// <summary>A decimal field written as a JSON string or number.</summary>
    /// <exception cref="ExternalApiException">The field is missing or is not a plain decimal.</exception>
    public static decimal RequiredDecimal(JsonNode? json, string name) =>
        OptionalDecimal(json, name) ?? throw Invalid(name, "missing");

    /// <summary>A decimal field that may be missing (then null).</summary>
    /// <exception cref="ExternalApiException">The field is there but is not a plain decimal.</exception>
    public static decimal? OptionalDecimal(JsonNode? json, string name)
    {
        if (json?[name] is not JsonValue value)
            return null;
        if (value.TryGetValue<decimal>(out var number))
            return number;
        if (value.TryGetValue<string>(out var text)
            && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number))
            return number;
        throw Invalid(name, "not a decimal");
    }

    /// <summary>A field naming one of <typeparamref name="TEnum"/>'s values, in any case.</summary>
    /// <exception cref="ExternalApiException">The field is missing or names no such value.</exception>
    public static TEnum RequiredEnum<TEnum>(JsonNode? json, string name)
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(RequiredIdentifier(json, name), ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value
            : throw Invalid(name, $"not a known {typeof(TEnum).Name}");

    private static string? String(JsonNode? json, string name) =>
        json?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text
        : json?[name] is null ? null
        : throw Invalid(name, "not a string");

    private static ExternalApiException Invalid(string name, string problem) => new($"invalid response: '{name}' {problem}");

    [GeneratedRegex(@"^[A-Za-z0-9_.:/-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierPattern();
}
