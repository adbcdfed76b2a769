using System.Text.Json.Nodes;

namespace TradingBot.Acceptance.UnitTests.Conformance;

/// <summary>The messages of a stream that belong to one sample: its documents, its bindings, and what ran of them.</summary>
internal sealed class SampleSelection
{
    private readonly HashSet<string> kept = new(StringComparer.Ordinal);

    public SampleSelection(IEnumerable<JsonObject> envelopes, Func<string, bool> isSampleUri, Func<JsonNode?, bool> isSampleBinding)
    {
        var all = envelopes.Select(envelope => envelope.Single()).Select(pair => new KitMessage(pair.Key, pair.Value!.AsObject())).ToList();
        Messages = all.Where(message => Keep(message, isSampleUri, isSampleBinding)).ToList();
    }

    public IReadOnlyList<KitMessage> Messages { get; }

    // Messages refer only to earlier ones, so one pass in stream order finds everything that hangs off the sample.
    private bool Keep(KitMessage message, Func<string, bool> isSampleUri, Func<JsonNode?, bool> isSampleBinding)
    {
        var keep = message.Kind switch
        {
            "meta" => false,
            "source" or "gherkinDocument" => isSampleUri(message.Text("uri")),
            "pickle" => isSampleUri(message.Text("uri")),
            "stepDefinition" or "hook" => isSampleBinding(message.Body["sourceReference"]),
            "parameterType" or "undefinedParameterType" => isSampleBinding(message.Body["sourceReference"]) || message.Body["sourceReference"] is null,
            "testRunStarted" or "testRunFinished" => true,
            "testCase" => kept.Contains(message.Text("pickleId")),
            "testCaseStarted" => kept.Contains(message.Text("testCaseId")),
            "testRunHookStarted" => kept.Contains(message.Text("hookId")),
            "testRunHookFinished" => kept.Contains(message.Text("testRunHookStartedId")),
            "suggestion" => kept.Contains(message.Text("pickleStepId")),
            "attachment" => kept.Contains(message.Text("testCaseStartedId")) || kept.Contains(message.Text("testRunHookStartedId")),
            _ => kept.Contains(message.Text("testCaseStartedId")),
        };
        if (keep)
            Remember(message);
        return keep;
    }

    private void Remember(KitMessage message)
    {
        if (message.Text("id").Length > 0)
            kept.Add(message.Text("id"));
        if (message.Kind == "pickle")
        {
            foreach (var step in message.Body["steps"]!.AsArray())
                kept.Add(step!["id"]!.GetValue<string>());
        }
    }
}
