using System.Text.Json.Nodes;

namespace TradingBot.Acceptance.LivingDocumentation;

/// <summary>
/// The Cucumber messages of one run (one NDJSON stream), indexed by id. Reads any stream the
/// <c>message</c> formatter writes, from a real run or from a dry run (<c>REQNROLL_DRY_RUN=true</c>).
/// </summary>
public sealed class CucumberRun
{
    private CucumberRun(IReadOnlyList<JsonObject> envelopes)
    {
        foreach (var envelope in envelopes)
        {
            var (kind, message) = envelope.Single();
            if (message is not JsonObject body)
                continue;
            switch (kind)
            {
                case "gherkinDocument": AddDocument(body); break;
                case "pickle": Pickles[Text(body, "id")] = body; break;
                case "stepDefinition": StepDefinitions.Add(body); break;
                case "parameterType": ParameterTypes.Add(body); break;
                case "testCase": TestCases.Add(body); break;
                case "testCaseStarted": TestCaseStarts[Text(body, "id")] = body; break;
                case "testStepFinished": TestStepFinishes.Add(body); break;
                case "parseError": ParseErrors.Add(body); break;
            }
        }
    }

    /// <summary>Feature titles by the uri of their file.</summary>
    public Dictionary<string, string> FeatureNames { get; } = [];

    /// <summary>Every step written in a feature file, by its Gherkin AST id.</summary>
    public Dictionary<string, WrittenStep> WrittenSteps { get; } = [];

    public Dictionary<string, JsonObject> Pickles { get; } = [];

    public List<JsonObject> StepDefinitions { get; } = [];

    public List<JsonObject> ParameterTypes { get; } = [];

    public List<JsonObject> TestCases { get; } = [];

    public Dictionary<string, JsonObject> TestCaseStarts { get; } = [];

    public List<JsonObject> TestStepFinishes { get; } = [];

    /// <summary>Problems of feature files that are not valid Gherkin, each with its file and location.</summary>
    public List<JsonObject> ParseErrors { get; } = [];

    /// <exception cref="InvalidDataException">A line is not a Cucumber envelope.</exception>
    public static CucumberRun Read(string ndjsonPath)
    {
        var envelopes = new List<JsonObject>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(ndjsonPath))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            if (JsonNode.Parse(line) is not JsonObject envelope || envelope.Count != 1)
                throw new InvalidDataException($"{ndjsonPath}:{lineNumber}: not a Cucumber envelope.");
            envelopes.Add(envelope);
        }

        return new CucumberRun(envelopes);
    }

    public static string Text(JsonNode? node, string property) => node?[property]?.GetValue<string>() ?? string.Empty;

    private void AddDocument(JsonObject document)
    {
        var uri = Text(document, "uri");
        FeatureNames[uri] = Text(document["feature"], "name");
        AddSteps(document["feature"], uri);
    }

    // Steps sit under backgrounds, scenarios and rules: walk the whole tree for objects with a keyword and a text.
    private void AddSteps(JsonNode? node, string uri)
    {
        switch (node)
        {
            case JsonObject step when step["keyword"] is not null && step["text"] is not null && step["id"] is not null:
                WrittenSteps[Text(step, "id")] = new WrittenStep(
                    Text(step, "keyword"), Text(step, "text"), uri, step["location"]?["line"]?.GetValue<long>() ?? 0);
                break;
            case JsonObject container:
                foreach (var (_, child) in container)
                    AddSteps(child, uri);
                break;
            case JsonArray array:
                foreach (var child in array)
                    AddSteps(child, uri);
                break;
        }
    }
}
