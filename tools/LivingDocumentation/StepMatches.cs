using System.Text.Json.Nodes;

namespace TradingBot.Acceptance.LivingDocumentation;

/// <summary>Where each step definition matched a pickle step, from the run's <c>testCase</c> messages.</summary>
internal sealed class StepMatches
{
    private readonly CucumberRun run;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> writtenNames;
    private readonly Dictionary<string, List<(CatalogExample Example, string PickleId)>> examples = [];
    private readonly Dictionary<string, IReadOnlyList<string>> parameterNames = [];
    private readonly Dictionary<string, List<string>> values = [];
    private readonly List<CatalogExample> unbound = [];
    private readonly List<CatalogExample> notAutomated = [];

    /// <param name="writtenNames">The parameter names each step definition's expression writes, by definition id.</param>
    public StepMatches(CucumberRun run, IReadOnlyDictionary<string, IReadOnlyList<string>> writtenNames)
    {
        this.run = run;
        this.writtenNames = writtenNames;
        var pickleSteps = run.Pickles.Values
            .SelectMany(pickle => pickle["steps"]!.AsArray().Select(step => (Pickle: pickle, Step: step!.AsObject())))
            .ToDictionary(entry => CucumberRun.Text(entry.Step, "id"));
        foreach (var testCase in run.TestCases.OrderBy(OrderOf))
        {
            // A skipped scenario (@wip, @ignore) has no test steps: its steps were never matched.
            if (testCase["testSteps"]!.AsArray().Count == 0 && run.Pickles.TryGetValue(CucumberRun.Text(testCase, "pickleId"), out var skipped))
                notAutomated.AddRange(skipped["steps"]!.AsArray().Select(step => Example(skipped, step!.AsObject())));
            foreach (var testStep in testCase["testSteps"]!.AsArray().Select(step => step!.AsObject()))
            {
                if (testStep["pickleStepId"] is not null && pickleSteps.TryGetValue(CucumberRun.Text(testStep, "pickleStepId"), out var pickleStep))
                    Add(testStep, pickleStep.Pickle, pickleStep.Step);
            }
        }
    }

    public IReadOnlyList<CatalogExample> Unbound => unbound.DistinctBy(example => example.Text).ToList();

    public IReadOnlyList<CatalogExample> NotAutomated => notAutomated.DistinctBy(example => example.Text).ToList();

    public IReadOnlyList<(CatalogExample Example, string PickleId)> ExamplesOf(string stepDefinitionId) =>
        examples.GetValueOrDefault(stepDefinitionId) ?? [];

    public IReadOnlyList<string>? ParameterNamesOf(string stepDefinitionId) => parameterNames.GetValueOrDefault(stepDefinitionId);

    public IReadOnlyList<string> ValuesOf(string parameterName) => values.GetValueOrDefault(parameterName) ?? [];

    public string FeatureName(string uri) => run.FeatureNames.GetValueOrDefault(uri) ?? uri;

    private void Add(JsonObject testStep, JsonObject pickle, JsonObject pickleStep)
    {
        var example = Example(pickle, pickleStep);
        var definitionIds = testStep["stepDefinitionIds"]?.AsArray().Select(id => id!.GetValue<string>()).ToList() ?? [];
        if (definitionIds.Count == 0)
            unbound.Add(example);
        foreach (var definitionId in definitionIds)
        {
            Remember(examples, definitionId, (example, CucumberRun.Text(pickle, "id")));
            var arguments = testStep["stepMatchArgumentsLists"]?.AsArray().FirstOrDefault()?["stepMatchArguments"]?.AsArray() ?? [];
            var names = writtenNames.GetValueOrDefault(definitionId) is { } written && written.Count == arguments.Count
                ? written
                : arguments.Select(argument => CucumberRun.Text(argument, "parameterTypeName")).ToList();
            parameterNames.TryAdd(definitionId, names);
            foreach (var (name, argument) in names.Zip(arguments))
                Remember(values, name, CucumberRun.Text(argument?["group"], "value"));
        }
    }

    private CatalogExample Example(JsonObject pickle, JsonObject pickleStep)
    {
        var written = run.WrittenSteps.GetValueOrDefault(pickleStep["astNodeIds"]![0]!.GetValue<string>());
        return new CatalogExample(written?.Keyword ?? string.Empty, CucumberRun.Text(pickleStep, "text"), CucumberRun.Text(pickle, "uri"), written?.Line ?? 0);
    }

    // Examples come from the first feature file and line that uses a step, whatever order the run had.
    private (string, long) OrderOf(JsonObject testCase)
    {
        var pickle = run.Pickles.GetValueOrDefault(CucumberRun.Text(testCase, "pickleId"));
        var firstStep = pickle?["steps"]?.AsArray().FirstOrDefault()?.AsObject();
        return (CucumberRun.Text(pickle, "uri"), firstStep is null ? 0 : Example(pickle!, firstStep).Line);
    }

    private static void Remember<T>(Dictionary<string, List<T>> index, string key, T value)
    {
        if (!index.TryGetValue(key, out var list))
            index[key] = list = [];
        if (!list.Contains(value))
            list.Add(value);
    }
}
