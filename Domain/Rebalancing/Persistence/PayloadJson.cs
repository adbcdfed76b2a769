using System.Globalization;
using TradingBot.Acceptance.Domain.EventSourcing;
using System.Text.Json.Nodes;

namespace TradingBot.Acceptance.Domain.Rebalancing.Persistence;

/// <summary>
/// The payload conventions shared by the rebalancing codecs: externally tagged variants, decimals as
/// strings with their own scale, base-unit integers as digit strings, RFC 3339 UTC times.
/// </summary>
public static class PayloadJson
{
    public static string Tagged(string name, JsonObject fields) => new JsonObject { [name] = fields }.ToJsonString();

    public static (string Name, JsonObject Fields) Untag(string payload)
    {
        var root = JsonNode.Parse(payload) as JsonObject
            ?? throw new InvalidOperationException($"Corrupt event payload, not an object: {payload}");
        if (root.Count != 1)
            throw new InvalidOperationException($"Corrupt event payload, expected one tag: {payload}");
        var (name, fields) = root.First();
        return (name, fields as JsonObject ?? []);
    }

    public static string Amount(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    public static string Text(JsonObject fields, string name) =>
        fields[name]?.GetValue<string>() ?? throw new InvalidOperationException($"Corrupt event payload: '{name}' is missing");

    public static string? OptionalText(JsonObject fields, string name) => fields[name]?.GetValue<string>();

    public static decimal ReadDecimal(JsonObject fields, string name) =>
        decimal.Parse(Text(fields, name), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    public static System.Numerics.BigInteger ReadUnits(JsonObject fields, string name) =>
        System.Numerics.BigInteger.Parse(Text(fields, name), NumberStyles.None, CultureInfo.InvariantCulture);

    public static DateTimeOffset ReadTime(JsonObject fields, string name) => Rfc3339.Parse(Text(fields, name));
}
