using System.Globalization;
using System.Reflection;
using StepKeywordType = Io.Cucumber.Messages.Types.StepKeywordType;
using NUnit.Framework;
using Reqnroll;

namespace TradingBot.Acceptance.ReqnrollNUnit;

/// <summary>Runs one pickle through the Reqnroll runtime, in the call sequence Reqnroll.NUnit's generated code uses.</summary>
public static class ScenarioRunner
{
    /// <summary>Tags that skip a scenario with a reason, reported as skipped and never as passed.</summary>
    public static readonly IReadOnlyDictionary<string, string> SkipReasons = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["ignore"] = "Ignored scenario (@ignore)",
        ["wip"] = "Work in progress (@wip): the scenario is not automated yet",
    };

    public static async Task RunAsync(Assembly testAssembly, FeatureFile feature, ScenarioDefinition scenario)
    {
        var runner = TestRunnerManager.GetTestRunnerForAssembly(testAssembly, containerBuilder: null, feature.Info);
        try
        {
            if (runner.FeatureContext is not null && !ReferenceEquals(runner.FeatureContext.FeatureInfo, feature.Info))
                await runner.OnFeatureEndAsync();
            if (runner.FeatureContext is null)
                await runner.OnFeatureStartAsync(feature.Info);

            runner.OnScenarioInitialize(
                new ScenarioInfo(scenario.Title, scenario.Description, scenario.Tags.ToArray(), scenario.ExampleArguments,
                    scenario.InheritedTags.ToArray(), scenario.PickleIndex.ToString(CultureInfo.InvariantCulture)),
                scenario.Rule);
            var skipReason = SkipReasons.FirstOrDefault(reason => scenario.HasTag(reason.Key)).Value;
            if (skipReason is not null)
                await SkipAsync(runner, skipReason);
            else
                await CollectErrorsAsync(runner, feature, await RunStepsAsync(runner, scenario));
        }
        finally
        {
            await runner.OnScenarioEndAsync();
            TestRunnerManager.ReleaseTestRunner(runner);
        }
    }

    // Reqnroll reports the skip to NUnit with a generic text; readers need the tag's reason.
    private static async Task SkipAsync(ITestRunner runner, string reason)
    {
        await runner.SkipScenarioAsync();
        try
        {
            await runner.CollectScenarioErrorsAsync();
        }
        catch (IgnoreException)
        {
        }

        Assert.Ignore(reason);
    }

    /// <returns>The first step that did not pass, if any.</returns>
    private static async Task<ScenarioStep?> RunStepsAsync(ITestRunner runner, ScenarioDefinition scenario)
    {
        await runner.OnScenarioStartAsync();
        ScenarioStep? failedStep = null;
        foreach (var step in scenario.Steps)
        {
            await RunStepAsync(runner, step);
            if (failedStep is null && runner.ScenarioContext.ScenarioExecutionStatus != ScenarioExecutionStatus.OK)
                failedStep = step;
        }

        return failedStep;
    }

    // The keyword as written, so that And and But take the kind of the step before them.
    private static Task RunStepAsync(ITestRunner runner, ScenarioStep step) => step.KeywordType switch
    {
        StepKeywordType.CONTEXT => runner.GivenAsync(step.Text, step.DocString, step.Table, step.Keyword),
        StepKeywordType.ACTION => runner.WhenAsync(step.Text, step.DocString, step.Table, step.Keyword),
        StepKeywordType.OUTCOME => runner.ThenAsync(step.Text, step.DocString, step.Table, step.Keyword),
        _ when step.Keyword.Trim().Equals("But", StringComparison.OrdinalIgnoreCase) =>
            runner.ButAsync(step.Text, step.DocString, step.Table, step.Keyword),
        _ => runner.AndAsync(step.Text, step.DocString, step.Table, step.Keyword),
    };

    private static async Task CollectErrorsAsync(ITestRunner runner, FeatureFile feature, ScenarioStep? failedStep)
    {
        try
        {
            await runner.CollectScenarioErrorsAsync();
        }
        catch (Exception exception) when (failedStep is not null && exception is not (IgnoreException or InconclusiveException or SuccessException))
        {
            var location = string.Create(CultureInfo.InvariantCulture,
                $"{failedStep.Keyword.Trim()} {failedStep.Text} ({feature.RelativePath}:{failedStep.Line})");
            throw new ScenarioStepFailedException(
                runner.ScenarioContext.ScenarioExecutionStatus == ScenarioExecutionStatus.UndefinedStep
                    ? $"Undefined step: {location}. Bind it with:{Environment.NewLine}{StepSnippet.For(runner, feature, failedStep)}"
                    : $"Step failed: {location}",
                exception);
        }
    }
}
