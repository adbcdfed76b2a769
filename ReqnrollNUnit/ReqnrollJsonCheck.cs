using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Reqnroll.Configuration;
using Reqnroll.Configuration.JsonConfig;

namespace TradingBot.Acceptance.ReqnrollNUnit;

/// <summary>
/// Checks <c>reqnroll.json</c> before Reqnroll reads it, against Reqnroll's own settings (the properties of
/// its <see cref="JsonConfig"/> and the <c>formatters</c> section): Reqnroll ignores a key it does not know,
/// and a file it cannot read left no test to fail. Each problem reads <c>file:line: key: what</c>.
/// </summary>
public static class ReqnrollJsonCheck
{
    // Read by Reqnroll apart from JsonConfig: the formatters' section, and the schema that editors use.
    private const string Formatters = "formatters";
    private const string Schema = "$schema";

    /// <summary>The problems of the <c>reqnroll.json</c> Reqnroll would read (none when there is no file).</summary>
    public static IReadOnlyList<string> Problems()
    {
        var path = new ReqnrollJsonLocator().GetReqnrollJsonFilePath();
        return path is null ? [] : Problems(path, File.ReadAllBytes(path));
    }

    public static IReadOnlyList<string> Problems(string path, byte[] json)
    {
        ArgumentNullException.ThrowIfNull(json);
        // Reqnroll reads the file as text, which drops a byte order mark.
        if (json.AsSpan().StartsWith(Encoding.UTF8.Preamble))
            json = json[Encoding.UTF8.Preamble.Length..];
        var problems = new List<string>();
        var check = new Check(path, json, problems);
        try
        {
            using var syntax = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException exception)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"{path}:{exception.LineNumber + 1}:{exception.BytePositionInLine + 1}: not valid JSON: {exception.Message}"));
            return problems;
        }

        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        reader.Read();
        check.Value(ref reader, typeof(JsonConfig), string.Empty);
        return problems;
    }

    private sealed class Check(string path, byte[] json, List<string> problems)
    {
        public void Value(ref Utf8JsonReader reader, Type type, string key)
        {
            if (type == typeof(bool))
                Expect(ref reader, key, reader.TokenType is JsonTokenType.True or JsonTokenType.False, "true or false");
            else if (type == typeof(string))
                Expect(ref reader, key, reader.TokenType is JsonTokenType.String or JsonTokenType.Null, "a string");
            else if (type.IsEnum)
                Enum(ref reader, type, key);
            else if (type == typeof(TimeSpan))
                Expect(ref reader, key, reader.TokenType == JsonTokenType.String && TimeSpan.TryParse(reader.GetString(), CultureInfo.InvariantCulture, out _), "a duration such as \"00:00:00.1\"");
            else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
                Array(ref reader, type.GetGenericArguments()[0], key);
            else
                Object(ref reader, type, key);
        }

        private void Object(ref Utf8JsonReader reader, Type type, string key)
        {
            if (!Expect(ref reader, key, reader.TokenType == JsonTokenType.StartObject, "an object"))
                return;
            var settings = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Select(property => (Name: property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name, property.PropertyType))
                .Where(setting => setting.Name is not null)
                .ToDictionary(setting => setting.Name!, setting => setting.PropertyType, StringComparer.OrdinalIgnoreCase);
            var topLevel = type == typeof(JsonConfig);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                var line = Line(reader);
                var settingKey = key.Length == 0 ? name : $"{key}.{name}";
                reader.Read();
                if (settings.TryGetValue(name, out var settingType))
                    Value(ref reader, settingType, settingKey);
                else if (topLevel && name.Equals(Formatters, StringComparison.OrdinalIgnoreCase))
                    FormattersSection(ref reader, settingKey);
                else if (topLevel && name == Schema)
                    Value(ref reader, typeof(string), settingKey);
                else
                {
                    var known = topLevel ? settings.Keys.Append(Formatters).Append(Schema) : settings.Keys;
                    problems.Add($"{path}:{line}: \"{settingKey}\" is not a Reqnroll setting{Suggestion(name, known)}");
                    reader.Skip();
                }
            }
        }

        // Reqnroll reads any formatter's settings as a dictionary; the file-writing ones take outputFilePath.
        private void FormattersSection(ref Utf8JsonReader reader, string key)
        {
            if (!Expect(ref reader, key, reader.TokenType == JsonTokenType.StartObject, "an object of formatters"))
                return;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var formatter = $"{key}.{reader.GetString()}";
                reader.Read();
                if (!Expect(ref reader, formatter, reader.TokenType == JsonTokenType.StartObject, "an object of settings"))
                    continue;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var setting = $"{formatter}.{reader.GetString()}";
                    var isPath = reader.ValueTextEquals("outputFilePath");
                    reader.Read();
                    if (isPath)
                        Expect(ref reader, setting, reader.TokenType == JsonTokenType.String, "a file path");
                    else
                        reader.Skip();
                }
            }
        }

        private void Array(ref Utf8JsonReader reader, Type elementType, string key)
        {
            if (!Expect(ref reader, key, reader.TokenType == JsonTokenType.StartArray, "a list"))
                return;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                Value(ref reader, elementType, key + "[]");
        }

        private void Enum(ref Utf8JsonReader reader, Type type, string key)
        {
            var names = System.Enum.GetNames(type);
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            Expect(ref reader, key, text is not null && names.Contains(text, StringComparer.OrdinalIgnoreCase), $"one of {string.Join(", ", names)}");
        }

        /// <returns>Whether the value is of the expected kind; if not, notes the problem and skips the value.</returns>
        private bool Expect(ref Utf8JsonReader reader, string key, bool isExpected, string expected)
        {
            if (isExpected)
                return true;
            var found = reader.TokenType switch
            {
                JsonTokenType.StartObject => "an object",
                JsonTokenType.StartArray => "a list",
                JsonTokenType.String => $"\"{reader.GetString()}\"",
                _ => Encoding.UTF8.GetString(reader.ValueSpan),
            };
            problems.Add($"{path}:{Line(reader)}: \"{key}\" must be {expected}, not {found}");
            reader.Skip();
            return false;
        }

        private long Line(Utf8JsonReader reader) => 1 + json.AsSpan(0, (int)reader.TokenStartIndex).Count((byte)'\n');
    }

    private static string Suggestion(string name, IEnumerable<string> known)
    {
        var nearest = known.Select(candidate => (Candidate: candidate, Distance: EditDistance(name.ToUpperInvariant(), candidate.ToUpperInvariant())))
            .OrderBy(candidate => candidate.Distance).FirstOrDefault();
        return nearest.Candidate is not null && nearest.Distance <= Math.Max(2, name.Length / 3)
            ? $": did you mean \"{nearest.Candidate}\"?"
            : $" (known here: {string.Join(", ", known)})";
    }

    private static int EditDistance(string from, string to)
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
