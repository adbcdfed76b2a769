using System.Globalization;
using System.Text.Json;
using TradingBot.Acceptance.Domain.Risk;

namespace TradingBot.Acceptance.Domain.Hosting.OperatorSurface;

/// <summary>New values for the order limit and the daily limit; <c>null</c> keeps the one in force.</summary>
public sealed record LimitsChange(decimal? OrderLimitUsd, decimal? DailyLimitUsd);

/// <summary>A request body read into a command, or the problem that refuses it (naming the field).</summary>
public sealed record Parsed<T>(T? Value, string? Problem)
    where T : class;

/// <summary>
/// Reads the bodies of the operator API's commands strictly: a JSON object with known fields of the
/// right type and range, or a refusal that says which field is wrong and why. Nothing is half-applied:
/// the command is built only when every field is valid.
/// </summary>
public static class OperatorRequests
{
    public const string OrderLimitField = RiskSettings.OrderLimitField;
    public const string DailyLimitField = RiskSettings.DailyLimitField;
    public const string ReasonField = "reason";
    private const int MaximumReasonLength = 200;
    private static readonly string[] LimitFields = [OrderLimitField, DailyLimitField];

    /// <summary><c>PUT /limits</c>: <c>{"order_limit_usd": 500, "daily_limit_usd": 10000}</c>, either or both.</summary>
    public static Parsed<LimitsChange> Limits(string body)
    {
        var limits = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var problem = ReadObject(body, LimitFields, (name, value) =>
        {
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var dollars))
                return $"\"{name}\" must be a number of dollars, e.g. 500";
            try
            {
                limits[name] = RiskSettings.Limit(name, dollars).Value; // the controls' own rule: more than $0
                return null;
            }
            catch (RiskSettingException refused)
            {
                return refused.Message;
            }
        });
        if (problem is not null)
            return new Parsed<LimitsChange>(null, problem);
        if (limits.Count == 0)
            return new Parsed<LimitsChange>(null, $"name at least one limit: {string.Join(", ", LimitFields)}");
        decimal? Named(string field) => limits.TryGetValue(field, out var dollars) ? dollars : null;
        return new(new LimitsChange(Named(OrderLimitField), Named(DailyLimitField)), null);
    }

    /// <summary><c>POST /kill-switch</c>: <c>{"reason": "broker statement does not match"}</c>.</summary>
    public static Parsed<string> KillSwitchReason(string body)
    {
        string? reason = null;
        var problem = ReadObject(body, [ReasonField], (name, value) =>
        {
            if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
                return $"\"{name}\" must be a text saying why the kill switch is engaged";
            reason = value.GetString()!.Trim();
            return reason.Length > MaximumReasonLength ? $"\"{name}\" must be at most {MaximumReasonLength} characters" : null;
        });
        if (problem is not null)
            return new Parsed<string>(null, problem);
        return reason is null ? new Parsed<string>(null, $"\"{ReasonField}\" is required: say why the kill switch is engaged") : new(reason, null);
    }

    // Calls read for each field in order and stops at the first problem; unknown or repeated fields are problems.
    private static string? ReadObject(string body, string[] fields, Func<string, JsonElement, string?> read)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException malformed)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"the body is not valid JSON (line {(malformed.LineNumber ?? 0) + 1}, byte {(malformed.BytePositionInLine ?? 0) + 1})");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return $"the body must be a JSON object with the fields {string.Join(", ", fields)}";
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!fields.Contains(property.Name, StringComparer.Ordinal))
                    return $"\"{property.Name}\" is not a field of this request{Suggestion(property.Name, fields)}";
                if (!seen.Add(property.Name))
                    return $"\"{property.Name}\" is given twice";
                if (read(property.Name, property.Value) is { } problem)
                    return problem;
            }

            return null;
        }
    }

    private static string Suggestion(string name, string[] fields)
    {
        var nearest = fields.MinBy(field => EditDistance.Between(name.ToUpperInvariant(), field.ToUpperInvariant()))!;
        // A third of the longer name: "order_limit" still finds "order_limit_usd".
        return EditDistance.Between(name.ToUpperInvariant(), nearest.ToUpperInvariant()) <= Math.Max(2, Math.Max(name.Length, nearest.Length) / 3)
            ? $": did you mean \"{nearest}\"?"
            : $" (its fields: {string.Join(", ", fields)})";
    }
}
