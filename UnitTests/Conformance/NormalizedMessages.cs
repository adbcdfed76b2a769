using System.Text.Json.Nodes;

namespace TradingBot.Acceptance.UnitTests.Conformance;

/// <summary>
/// One sample's part of a Cucumber message stream, normalized so that the kit's expected stream and ours can
/// be compared line by line. What is normalized, and why:
/// <list type="bullet">
/// <item>ids: every id becomes a name derived from what it identifies (a feature line and column, a step
/// definition's expression, a test case's pickle…), since each implementation generates its own;</item>
/// <item>timestamps and durations become zero; uris become file names; <c>sourceReference</c>s and exception
/// stack traces are dropped, exception types become <c>&lt;type&gt;</c>, snippets <c>&lt;code&gt;</c> (they are per language);</item>
/// <item><c>meta</c> is left out: it describes the implementation; Reqnroll 3.3.4 writes it after
/// <c>testRunStarted</c>, where Cucumber's reference streams open with it;</item>
/// <item>a hook's <c>name</c> and a pickle's <c>location</c> are left out: Reqnroll hooks have no names, and
/// the Gherkin 35 compiler Reqnroll uses does not set pickle locations;</item>
/// <item>order: messages about the run's documents and bindings are compared as a set (sorted), the messages
/// of each test case attempt in the order written, attempt by attempt (features run in parallel).</item>
/// </list>
/// </summary>
public static class NormalizedMessages
{
    private static readonly HashSet<string> StaticKinds = new(StringComparer.Ordinal)
    {
        "source", "gherkinDocument", "pickle", "stepDefinition", "hook", "parameterType", "undefinedParameterType", "testCase", "suggestion",
    };

    /// <summary>The normalized lines of one sample.</summary>
    /// <param name="isSampleUri">Whether a feature file belongs to the sample.</param>
    /// <param name="isSampleBinding">Whether a step definition or hook belongs to the sample, by its source reference.</param>
    public static IReadOnlyList<string> Normalize(IEnumerable<string> ndjsonLines, Func<string, bool> isSampleUri, Func<JsonNode?, bool> isSampleBinding)
    {
        var envelopes = ndjsonLines.Where(line => !string.IsNullOrWhiteSpace(line)).Select(line => JsonNode.Parse(line)!.AsObject()).ToList();
        var selection = new SampleSelection(envelopes, isSampleUri, isSampleBinding);
        var ids = new SemanticIds(selection.Messages);
        var lines = selection.Messages.Select(message => (message.Kind, Group: ids.GroupOf(message), Line: ids.Canonical(message))).ToList();
        return lines.Where(line => StaticKinds.Contains(line.Kind)).Select(line => line.Line).Order(StringComparer.Ordinal)
            .Concat(lines.Where(line => !StaticKinds.Contains(line.Kind)).GroupBy(line => line.Group)
                .OrderBy(group => group.Key, StringComparer.Ordinal)
                .SelectMany(group => group.Select(line => line.Line)))
            .ToList();
    }
}
