using System.Text.Json.Nodes;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.ReqnrollNUnit;

namespace TradingBot.Acceptance.UnitTests.Conformance;

/// <summary>
/// Runs samples of the Cucumber Compatibility Kit (<c>@cucumber/compatibility-kit</c> 30.0.0) through the NUnit
/// integration and compares the Cucumber messages with the kit's expected stream, normalized by <see cref="NormalizedMessages"/>.
/// </summary>
[TestFixture]
[Category("conformance")]
public sealed class CucumberConformanceTests
{
    /// <summary>Every sample Reqnroll 3.3.4 passes in its own kit tests; README lists the others and why.</summary>
    public static readonly string[] SupportedSamples =
    [
        "ambiguous", "backgrounds", "cdata", "data-tables", "doc-strings", "empty", "examples-tables", "examples-tables-attachment",
        "examples-tables-undefined", "global-hooks", "hooks", "hooks-attachment", "hooks-conditional", "hooks-named", "hooks-undefined",
        "minimal", "multiple-features", "parameter-types", "pending", "rules", "rules-backgrounds", "skipped", "stack-traces",
        "undefined", "unused-steps",
    ];

    private string[] actual = [];

    [OneTimeSetUp]
    public async Task RunTheSupportedSamplesAsync() => actual = await File.ReadAllLinesAsync(await ConformanceSuiteRun.MessagesAsync());

    [TestCaseSource(nameof(SupportedSamples))]
    public void A_supported_sample_gives_the_kits_messages(string sample)
    {
        var expectedFile = Directory.GetFiles(Path.Combine(ConformanceSuiteRun.KitFeatures, sample), "*.ndjson").Single();
        var expected = NormalizedMessages.Normalize(File.ReadLines(expectedFile), _ => true, _ => true);
        var bindingClass = "." + TestNames.ToIdentifier(sample.Replace('-', ' ')) + "Sample";
        var ours = NormalizedMessages.Normalize(actual, uri => uri.StartsWith($"Features/{sample}/", StringComparison.Ordinal),
            reference => IsIn(reference, bindingClass));

        var missing = expected.Except(ours).ToList();
        var extra = ours.Except(expected).ToList();
        (missing.Count + extra.Count).ShouldBe(0,
            $"{sample} drifts from the kit.{Environment.NewLine}Missing:{Environment.NewLine}{string.Join(Environment.NewLine, missing)}{Environment.NewLine}" +
            $"Unexpected:{Environment.NewLine}{string.Join(Environment.NewLine, extra)}");
        ours.ShouldBe(expected, $"{sample}: the same messages in the kit's order");
    }

    [Test]
    public void The_run_succeeds_exactly_when_every_sample_does()
    {
        var expected = SupportedSamples.All(sample => RunSucceeded(File.ReadLines(Directory.GetFiles(Path.Combine(ConformanceSuiteRun.KitFeatures, sample), "*.ndjson").Single())));
        expected.ShouldBeFalse("some samples fail on purpose");
        RunSucceeded(actual).ShouldBe(expected);
    }

    private static bool RunSucceeded(IEnumerable<string> ndjsonLines) =>
        ndjsonLines.Select(line => JsonNode.Parse(line)!["testRunFinished"]).Single(finished => finished is not null)!["success"]!.GetValue<bool>();

    private static bool IsIn(JsonNode? sourceReference, string bindingClass) =>
        sourceReference?["javaMethod"]?["className"]?.GetValue<string>().EndsWith(bindingClass, StringComparison.Ordinal) ?? false;
}
