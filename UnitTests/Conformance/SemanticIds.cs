using System.Globalization;
using System.Text.Json.Nodes;

namespace TradingBot.Acceptance.UnitTests.Conformance;

/// <summary>
/// Names every id of a sample's messages after what it identifies, so that two implementations' streams
/// agree on them, and writes each message canonically (sorted keys, no timestamps, durations or stack traces).
/// </summary>
internal sealed class SemanticIds
{
    private readonly Dictionary<string, string> names = new(StringComparer.Ordinal);
    private readonly HashSet<string> regularExpressions = new(StringComparer.Ordinal);
    private bool inRegularExpressionMatch;

    public SemanticIds(IEnumerable<KitMessage> messages)
    {
        var hookCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var message in messages)
            Name(message, hookCounts);
    }

    /// <summary>The attempt (or hook run) a message belongs to; the run's own messages open and close the stream.</summary>
    public string GroupOf(KitMessage message) => message.Kind switch
    {
        "testRunStarted" => "0 run started",
        "testRunFinished" => "~ run finished",
        "testCaseStarted" or "testRunHookStarted" => Of(message.Text("id")),
        "testRunHookFinished" => Of(message.Text("testRunHookStartedId")),
        _ when message.Text("testCaseStartedId").Length > 0 => Of(message.Text("testCaseStartedId")),
        _ => Of(message.Text("testRunHookStartedId")),
    };

    public string Canonical(KitMessage message)
    {
        var body = (JsonObject)Rewrite(message.Body.DeepClone(), null)!;
        if (message.Kind == "pickle")
            body.Remove("location");
        if (message.Kind == "hook")
            body.Remove("name");
        if (message.Kind == "attachment")
        {
            // Reqnroll attaches files by path, so it names them, and ties a step's attachment to the run too.
            body.Remove("fileName");
            if (body.ContainsKey("testCaseStartedId"))
                body.Remove("testRunStartedId");
        }

        if (message.Kind == "testRunFinished")
            body.Remove("success"); // the whole run's, compared once for all samples
        return $"{message.Kind} {body.ToJsonString()}";
    }

    private void Name(KitMessage message, Dictionary<string, int> hookCounts)
    {
        var id = message.Text("id");
        switch (message.Kind)
        {
            case "gherkinDocument":
                NameAstNodes(message.Body["feature"], Path.GetFileName(message.Text("uri")));
                break;
            case "pickle":
                var pickle = names[id] = $"pickle({string.Join(",", message.Body["astNodeIds"]!.AsArray().Select(node => Of(node!.GetValue<string>())))})";
                var steps = message.Body["steps"]!.AsArray();
                for (var index = 0; index < steps.Count; index++)
                    names[steps[index]!["id"]!.GetValue<string>()] = string.Create(CultureInfo.InvariantCulture, $"{pickle}/step{index}");
                break;
            case "stepDefinition":
                names[id] = $"stepDefinition({message.Body["pattern"]?["source"]?.GetValue<string>()})";
                if (message.Body["pattern"]?["type"]?.GetValue<string>() == "REGULAR_EXPRESSION")
                    regularExpressions.Add(names[id]);
                break;
            case "hook":
                var hook = $"hook({message.Text("type")},{message.Text("tagExpression").TrimStart('@')})";
                hookCounts[hook] = hookCounts.GetValueOrDefault(hook) + 1;
                names[id] = string.Create(CultureInfo.InvariantCulture, $"{hook}#{hookCounts[hook]}");
                break;
            case "parameterType":
                names[id] = $"parameterType({message.Text("name")})";
                break;
            case "testRunStarted":
                names[id] = "testRun";
                break;
            case "testCase":
                NameTestCase(message);
                break;
            case "testCaseStarted":
                names[id] = string.Create(CultureInfo.InvariantCulture, $"{Of(message.Text("testCaseId"))}/attempt{message.Body["attempt"]?.GetValue<int>() ?? 0}");
                break;
            case "testRunHookStarted":
                names[id] = $"run of {Of(message.Text("hookId"))}";
                break;
            case "suggestion":
                names[id] = $"suggestion({Of(message.Text("pickleStepId"))})";
                break;
        }
    }

    private void NameTestCase(KitMessage message)
    {
        var testCase = names[message.Text("id")] = $"testCase({Of(message.Text("pickleId"))})";
        var steps = message.Body["testSteps"]!.AsArray();
        for (var index = 0; index < steps.Count; index++)
            names[steps[index]!["id"]!.GetValue<string>()] = string.Create(CultureInfo.InvariantCulture, $"{testCase}/step{index}");
    }

    // Every node of a Gherkin document with an id has a location: name it after its place in the file.
    private void NameAstNodes(JsonNode? node, string file)
    {
        if (node is JsonObject item && item["id"] is JsonValue id && item["location"] is JsonObject location)
            names[id.GetValue<string>()] = string.Create(CultureInfo.InvariantCulture, $"{file}:{location["line"]}:{location["column"]}");
        var children = node switch
        {
            JsonObject container => container.Select(pair => pair.Value),
            JsonArray array => array.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children)
            NameAstNodes(child, file);
    }

    private string Of(string id) => id.Length == 0 ? string.Empty : names.GetValueOrDefault(id) ?? $"<unknown id {id}>";

    private JsonNode? Rewrite(JsonNode? node, string? key) => node switch
    {
        JsonObject item when key is "timestamp" or "duration" => new JsonObject { ["seconds"] = 0, ["nanos"] = 0 },
        JsonObject item => RewriteObject(item, key),
        JsonArray array when key is not null && key.EndsWith("Ids", StringComparison.Ordinal) =>
            new JsonArray(array.Select(id => (JsonNode?)JsonValue.Create(Of(id!.GetValue<string>()))).ToArray()),
        JsonArray array => new JsonArray(array.Select(child => Rewrite(child?.DeepClone(), null)).ToArray()),
        JsonValue value when key is "uri" => JsonValue.Create(Path.GetFileName(value.GetValue<string>())),
        JsonValue value when key is "id" || (key?.EndsWith("Id", StringComparison.Ordinal) ?? false) => JsonValue.Create(Of(value.GetValue<string>())),
        _ => node?.DeepClone(),
    };

    // Reqnroll also gives a message and exception for pending and ambiguous steps, and "@" as the tag
    // expression of a hook without tags.
    private static bool IsReqnrollOnly(JsonObject item, string name) => name switch
    {
        "message" or "exception" => item["status"] is JsonValue status && status.GetValue<string>() != "FAILED",
        "tagExpression" => item[name] is JsonValue expression && expression.GetValue<string>() is "@" or "",
        _ => false,
    };

    // As in protobuf's JSON, an empty list is the same as none; Reqnroll also writes unset ids as "".
    private static bool IsEmpty(JsonNode? value, string name) => value switch
    {
        JsonArray array => array.Count == 0,
        JsonValue text when name.EndsWith("Id", StringComparison.Ordinal) => text.TryGetValue<string>(out var id) && id.Length == 0,
        _ => false,
    };

    // Cucumber's group of a {string} argument is the quoted text with the text between the quotes as a child
    // group; Reqnroll reports that child only. Both are compared by the text between the quotes.
    private static JsonObject InnerGroup(JsonObject group) =>
        group["children"]?.AsArray().Select(child => child as JsonObject).FirstOrDefault(child => child?["value"] is not null) is { } inner
            && group["value"]?.GetValue<string>() is ['"', .., '"'] or ['\'', .., '\'']
            ? new JsonObject { ["start"] = inner["start"]?.DeepClone(), ["value"] = inner["value"]?.DeepClone() }
            : group;

    private JsonObject RewriteObject(JsonObject item, string? key)
    {
        if (key == "testSteps" || item.ContainsKey("stepDefinitionIds"))
            inRegularExpressionMatch = item["stepDefinitionIds"]?.AsArray().Any(id => regularExpressions.Contains(Of(id!.GetValue<string>()))) ?? false;
        var result = new JsonObject();
        foreach (var (name, value) in item.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (name is "sourceReference" or "stackTrace" or "children" or "useForSnippets" || IsEmpty(value, name) || IsReqnrollOnly(item, name))
                continue;
            if (name == "parameterTypeName" && item["group"] is not null && inRegularExpressionMatch)
                continue; // Reqnroll names a regular expression's captures "string"; Cucumber leaves them unnamed
            result[name] = (key, name) switch
            {
                (_, "group") when value is JsonObject group => Rewrite(InnerGroup(group), name),
                (_, "parameterTypeName") => value!.GetValue<string>().ToLowerInvariant(),
                (_, "regularExpressions") => new JsonArray(value!.AsArray().Select(pattern => (JsonNode?)JsonValue.Create(pattern!.GetValue<string>().TrimStart('^').TrimEnd('$'))).ToArray()),
                (_, "snippets") => "<snippets>",
                ("exception", "type") => "<type>",
                ("snippets", "language") or (null, "language") when item.ContainsKey("code") => "<language>",
                (_, "code") when item.ContainsKey("language") => "<code>",
                _ => Rewrite(value, name),
            };
        }

        return result;
    }
}
