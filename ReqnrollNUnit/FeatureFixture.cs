using NUnit.Framework;
using Reqnroll;

namespace TradingBot.Acceptance.ReqnrollNUnit;

/// <summary>
/// The NUnit fixture of one feature file: <see cref="FeatureFixturesAttribute"/> builds one instance per
/// file and one test per pickle, named as Reqnroll.NUnit would name them; a file that is not valid Gherkin,
/// or a <c>reqnroll.json</c> with problems, gets one failing test instead.
/// </summary>
[FeatureFixtures("Features")]
public sealed class FeatureFixture(FeatureFile? feature, FeatureParseException? parseError, string? configurationProblems)
{
    /// <summary>Says what in a valid feature file reads like a mistake (a step written as description text).</summary>
    [OneTimeSetUp]
    public void WarnAboutTheFeatureFile()
    {
        foreach (var warning in feature?.Warnings ?? [])
            TestContext.Error.WriteLine(warning);
    }

    /// <summary>Runs the scenario of the pickle at <paramref name="pickleIndex"/>.</summary>
    public Task RunScenarioAsync(int pickleIndex) =>
        ScenarioRunner.RunAsync(typeof(FeatureFixture).Assembly, Feature, Feature.Scenarios[pickleIndex]);

    /// <summary>The one test of a feature file that is not valid Gherkin: it fails, and the reports show the file's parse errors.</summary>
    public async Task ReportParseErrorAsync()
    {
        var error = parseError ?? throw new InvalidOperationException("The feature file has no parse error.");
        await InvalidFeatureReport.PublishAsync(typeof(FeatureFixture).Assembly, error);
        Assert.Fail(error.Message);
    }

    /// <summary>The one test of a run whose <c>reqnroll.json</c> has problems.</summary>
    public void ReportConfigurationProblems() =>
        Assert.Fail(
            $"reqnroll.json has problems; no scenario ran (Reqnroll reads the copy beside the test assembly, which the build makes of the project's file, line for line):{Environment.NewLine}{configurationProblems}");

    [OneTimeTearDown]
    public async Task ReleaseFeatureAsync()
    {
        if (feature is not null)
            await TestRunnerManager.ReleaseFeatureAsync(feature.Info, typeof(FeatureFixture).Assembly, containerBuilder: null);
    }

    private FeatureFile Feature => feature ?? throw new InvalidOperationException(parseError?.Message ?? configurationProblems);
}
