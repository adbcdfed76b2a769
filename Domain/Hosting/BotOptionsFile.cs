using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>
/// Reads the bot's <see cref="BotOptions"/> from a JSON file whose keys are the options' names in camel case
/// (<c>chainFeed</c>, <c>orderStatusInterval</c>: "00:00:15"). A file that is not JSON, a key the options do
/// not have, a value of the wrong type or a missing <c>chainFeed</c> is refused with the file, line and key:
/// an unknown key would otherwise be ignored and the bot run with a default the operator meant to change.
/// </summary>
public static class BotOptionsFile
{
    private static readonly JsonSerializerOptions Strict = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <exception cref="BotConfigurationException">The file is not a valid configuration of the bot.</exception>
    public static BotOptions Read(string path) => Parse(path, File.ReadAllText(path));

    /// <param name="path">How errors name the file.</param>
    /// <exception cref="BotConfigurationException">The text is not a valid configuration of the bot.</exception>
    public static BotOptions Parse(string path, string json)
    {
        try
        {
            return JsonSerializer.Deserialize<BotOptions>(json, Strict)
                ?? throw new BotConfigurationException($"{path}:1: the configuration is null; write an object with at least \"chainFeed\".");
        }
        catch (JsonException exception)
        {
            throw new BotConfigurationException(Describe(path, exception), exception);
        }
    }

    private static string Describe(string path, JsonException exception)
    {
        var line = (exception.LineNumber ?? 0) + 1;
        var key = exception.Path is { Length: > 2 } jsonPath ? jsonPath[2..] : null;
        var unknown = UnknownKey(exception.Message);
        if (unknown is not null)
            return string.Create(CultureInfo.InvariantCulture, $"{path}:{line}: \"{unknown}\" is not a setting of the bot{Suggestion(unknown)}");
        if (exception.Message.Contains("missing required properties", StringComparison.Ordinal))
            return string.Create(CultureInfo.InvariantCulture, $"{path}:{line}: \"chainFeed\" is required: the WebSocket feed of on-chain fills, e.g. \"ws://127.0.0.1:5000/fills\"");
        return key is null
            ? string.Create(CultureInfo.InvariantCulture, $"{path}:{line}: not valid JSON: {exception.Message}")
            : string.Create(CultureInfo.InvariantCulture, $"{path}:{line}: \"{key}\" has a value of the wrong type: {ExpectedOf(key)}");
    }

    // System.Text.Json names the unmapped property in its message: "The JSON property 'x' could not be mapped…".
    private static string? UnknownKey(string message)
    {
        const string Start = "The JSON property '";
        var from = message.IndexOf(Start, StringComparison.Ordinal);
        if (from < 0)
            return null;
        from += Start.Length;
        var to = message.IndexOf('\'', from);
        return to < 0 ? null : message[from..to];
    }

    private static string ExpectedOf(string key)
    {
        var type = Settings().GetValueOrDefault(key);
        return type == typeof(TimeSpan) ? "a duration as \"hh:mm:ss\", e.g. \"00:00:15\""
            : type == typeof(Uri) ? "an address such as \"ws://127.0.0.1:5000/fills\""
            : type == typeof(int) || type == typeof(long) ? "a whole number"
            : $"a {type?.Name ?? "value"}";
    }

    private static string Suggestion(string key)
    {
        var nearest = Settings().Keys.Select(name => (Name: name, Distance: Distance(key.ToUpperInvariant(), name.ToUpperInvariant())))
            .OrderBy(candidate => candidate.Distance).First();
        return nearest.Distance <= Math.Max(2, key.Length / 3)
            ? $": did you mean \"{nearest.Name}\"?"
            : $" (its settings: {string.Join(", ", Settings().Keys)})";
    }

    private static Dictionary<string, Type> Settings() =>
        typeof(BotOptions).GetProperties().ToDictionary(property => JsonNamingPolicy.CamelCase.ConvertName(property.Name), property => property.PropertyType);

    private static int Distance(string from, string to)
    {
        var previous = Enumerable.Range(0, to.Length + 1).ToArray();
        for (var i = 1; i <= from.Length; i++)
        {
            var current = new int[to.Length + 1];
            current[0] = i;
            for (var j = 1; j <= to.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (from[i - 1] == to[j - 1] ? 0 : 1));
            previous = current;
        }

        return previous[to.Length];
    }
}
