using System.Globalization;
using System.Text.Json.Nodes;

namespace TradingBot.Acceptance.LivingDocumentation;

/// <summary>Passed, failed and skipped scenarios per feature, from a run's test case results.</summary>
public sealed class RunSummary
{
    private static readonly HashSet<string> Failing = new(StringComparer.Ordinal) { "FAILED", "UNDEFINED", "AMBIGUOUS", "PENDING", "UNKNOWN" };

    private RunSummary(IReadOnlyList<FeatureOutcome> features) => Features = features;

    public IReadOnlyList<FeatureOutcome> Features { get; }

    public static RunSummary Build(CucumberRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var statusesByTestCase = run.TestStepFinishes
            .GroupBy(finish => CucumberRun.Text(run.TestCaseStarts.GetValueOrDefault(CucumberRun.Text(finish, "testCaseStartedId")), "testCaseId"))
            .ToDictionary(group => group.Key, group => group.Select(finish => CucumberRun.Text(finish["testStepResult"], "status")).ToList());
        var features = run.TestCases
            .GroupBy(testCase => CucumberRun.Text(run.Pickles.GetValueOrDefault(CucumberRun.Text(testCase, "pickleId")), "uri"))
            .Select(byFeature => Count(run.FeatureNames.GetValueOrDefault(byFeature.Key) ?? byFeature.Key, byFeature, statusesByTestCase))
            // A feature file that is not valid Gherkin ran nothing: it counts as one failed test, as NUnit reports it.
            .Concat(run.ParseErrors.Select(error => CucumberRun.Text(error["source"], "uri")).Distinct()
                .Select(uri => new FeatureOutcome($"{uri} (not valid Gherkin)", 0, 1, 0)))
            .OrderBy(feature => feature.Feature, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new RunSummary(features);
    }

    /// <summary>One line: <c>Feature A: 3 passed, 1 failed, 0 skipped; Feature B: …</c></summary>
    public override string ToString() => Features.Count == 0
        ? "no scenario ran"
        : string.Join("; ", Features.Select(feature => string.Create(CultureInfo.InvariantCulture,
            $"{feature.Feature}: {feature.Passed} passed, {feature.Failed} failed, {feature.Skipped} skipped")));

    // A scenario that never started (@wip, @ignore) or whose steps were all skipped counts as skipped.
    private static FeatureOutcome Count(string feature, IEnumerable<JsonObject> testCases, Dictionary<string, List<string>> statusesByTestCase)
    {
        int passed = 0, failed = 0, skipped = 0;
        foreach (var testCase in testCases)
        {
            var statuses = statusesByTestCase.GetValueOrDefault(CucumberRun.Text(testCase, "id")) ?? [];
            if (statuses.Any(Failing.Contains))
                failed++;
            else if (statuses.Count == 0 || statuses.All(status => status == "SKIPPED"))
                skipped++;
            else
                passed++;
        }

        return new FeatureOutcome(feature, passed, failed, skipped);
    }
}
