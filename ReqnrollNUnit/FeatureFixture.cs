using NUnit.Framework;
using Reqnroll;

namespace TradingBot.Acceptance.ReqnrollNUnit;

/// <summary>
/// The NUnit fixture of one feature file: <see cref="FeatureFixturesAttribute"/> builds one instance per
/// file and one test per pickle, named as Reqnroll.NUnit would name them.
/// </summary>
[FeatureFixtures("Features")]
public sealed class FeatureFixture(FeatureFile? feature, string? parseError)
{
    /// <summary>Runs the scenario of the pickle at <paramref name="pickleIndex"/>.</summary>
    public Task RunScenarioAsync(int pickleIndex) =>
        ScenarioRunner.RunAsync(typeof(FeatureFixture).Assembly, Feature, Feature.Scenarios[pickleIndex]);

    /// <summary>The one test of a feature file that is not valid Gherkin.</summary>
    public void ReportParseError() => Assert.Fail(parseError ?? "The feature file could not be read.");

    [OneTimeTearDown]
    public async Task ReleaseFeatureAsync()
    {
        if (feature is not null)
            await TestRunnerManager.ReleaseFeatureAsync(feature.Info, typeof(FeatureFixture).Assembly, containerBuilder: null);
    }

    private FeatureFile Feature => feature ?? throw new InvalidOperationException(parseError);
}
