using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using TradingBot.Acceptance.Domain.Risk;

namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>
/// Reads a configuration of the bot from a JSON file whose keys are the settings' names in camel case
/// (<c>chain</c>, <c>orderStatusInterval</c>: "00:00:15"). A file that is not JSON, a key the settings do
/// not have, a value of the wrong type or a missing required setting is refused with the file, line and key:
/// an unknown key would otherwise be ignored and the bot run with a default the operator meant to change.
/// Settings that check themselves (<see cref="IConfigurationCheck"/>: a negative limit, an unknown broker) are
/// refused the same way, at the line of their key.
/// </summary>
public static class ConfigurationFile
{
    private static readonly JsonSerializerOptions Strict = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <exception cref="BotConfigurationException">The file is missing or not a valid configuration.</exception>
    public static T Read<T>(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (IOException unreadable)
        {
            throw new BotConfigurationException($"{path}: the configuration file cannot be read: {unreadable.Message}", unreadable);
        }

        return Parse<T>(path, json);
    }

    /// <param name="path">How errors name the file.</param>
    /// <exception cref="BotConfigurationException">The text is not a valid configuration.</exception>
    public static T Parse<T>(string path, string json)
    {
        T settings;
        try
        {
            settings = JsonSerializer.Deserialize<T>(json, Strict)
                ?? throw new BotConfigurationException($"{path}:1: the configuration is null; write an object of settings.");
        }
        catch (JsonException exception)
        {
            throw new BotConfigurationException(Describe(path, typeof(T), exception), exception);
        }

        try
        {
            (settings as IConfigurationCheck)?.Check();
        }
        catch (RiskSettingException refused)
        {
            throw new BotConfigurationException(Line(path, LineOf(json, refused.Field), refused.Message), refused);
        }

        return settings;
    }

    // The line where the key is written; the first line when the value is a default the file does not write.
    private static long LineOf(string json, string key)
    {
        var at = json.IndexOf($"\"{key}\"", StringComparison.Ordinal);
        return at < 0 ? 1 : json.AsSpan(0, at).Count('\n') + 1;
    }

    private static string Describe(string path, Type root, JsonException exception)
    {
        var line = (exception.LineNumber ?? 0) + 1;
        var keys = exception.Path is { Length: > 2 } jsonPath ? jsonPath[2..].Split('.') : [];
        var section = SectionOf(root, keys.SkipLast(1));
        if (Quoted(exception.Message, "The JSON property '") is { } unknown)
        {
            var owner = SectionOf(root, keys);
            return Line(path, line, $"\"{unknown}\" is not a setting of the bot{Suggestion(owner, unknown)}");
        }

        if (Quoted(exception.Message, "missing required properties including: '") is { } missing)
            return Line(path, line, $"\"{missing}\" is required: {ExpectedOf(Settings(SectionOf(root, keys)).GetValueOrDefault(missing))}");
        return keys.Length == 0
            ? Line(path, line, $"not valid JSON: {exception.Message}")
            : Line(path, line, $"\"{string.Join('.', keys)}\" has a value of the wrong type: {ExpectedOf(Settings(section).GetValueOrDefault(keys[^1]))}");
    }

    private static string Line(string path, long line, string problem) => string.Create(CultureInfo.InvariantCulture, $"{path}:{line}: {problem}");

    // System.Text.Json names the key in its message: "The JSON property 'x' could not be mapped…".
    private static string? Quoted(string message, string start)
    {
        var from = message.IndexOf(start, StringComparison.Ordinal);
        if (from < 0)
            return null;
        from += start.Length;
        var to = message.IndexOf('\'', from);
        return to < 0 ? null : message[from..to];
    }

    // The settings type a path of keys leads to: nested sections are records of their own.
    private static Type SectionOf(Type root, IEnumerable<string> keys) =>
        keys.Aggregate(root, (type, key) => Settings(type).GetValueOrDefault(key) is { IsClass: true } nested && nested != typeof(string) && nested != typeof(Uri) ? nested : type);

    private static string ExpectedOf(Type? type) =>
        type is not null && Nullable.GetUnderlyingType(type) is { } underlying ? ExpectedOf(underlying)
        : type == typeof(TimeSpan) ? "a duration as \"hh:mm:ss\", e.g. \"00:00:15\""
        : type == typeof(Uri) ? "an address such as \"ws://127.0.0.1:5000/fills\""
        : type == typeof(int) || type == typeof(long) ? "a whole number"
        : type == typeof(double) || type == typeof(decimal) ? "a number"
        : $"a {type?.Name ?? "value"}";

    private static string Suggestion(Type section, string key)
    {
        var settings = Settings(section);
        var nearest = settings.Keys.Select(name => (Name: name, Distance: EditDistance.Between(key.ToUpperInvariant(), name.ToUpperInvariant())))
            .OrderBy(candidate => candidate.Distance).First();
        return nearest.Distance <= Math.Max(2, key.Length / 3)
            ? $": did you mean \"{nearest.Name}\"?"
            : $" (its settings: {string.Join(", ", settings.Keys)})";
    }

    private static Dictionary<string, Type> Settings(Type section) =>
        section.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(property => property.CanWrite)
            .ToDictionary(property => JsonNamingPolicy.CamelCase.ConvertName(property.Name), property => property.PropertyType);
}
