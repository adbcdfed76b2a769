using Reqnroll;
using Reqnroll.Bindings;
using Reqnroll.BindingSkeletons;
using Reqnroll.Configuration;

namespace TradingBot.Acceptance.ReqnrollNUnit;

/// <summary>Reqnroll's own ready-to-paste binding for a step that nothing is bound to.</summary>
internal static class StepSnippet
{
    public static string For(ITestRunner runner, FeatureFile feature, ScenarioStep step)
    {
        var container = runner.ScenarioContext.ScenarioContainer;
        var configuration = container.Resolve<ReqnrollConfiguration>();
        var keyword = Enum.TryParse<StepDefinitionKeyword>(step.Keyword.Trim(), ignoreCase: true, out var written)
            ? written
            : (StepDefinitionKeyword)step.Kind;
        var instance = new StepInstance(step.Kind, keyword, step.Keyword, step.Text, step.DocString, step.Table,
            new StepContext(feature.Info, runner.ScenarioContext.ScenarioInfo));
        return container.Resolve<IStepDefinitionSkeletonProvider>().GetStepDefinitionSkeleton(
            ProgrammingLanguage.CSharp, instance, configuration.StepDefinitionSkeletonStyle, configuration.BindingCulture ?? feature.Info.Language);
    }
}
