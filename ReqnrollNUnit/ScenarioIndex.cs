using System.Collections.Specialized;
using Io.Cucumber.Messages.Types;
using Reqnroll;
using Reqnroll.Bindings;

namespace TradingBot.Acceptance.ReqnrollNUnit;

/// <summary>Finds, for each pickle, the scenario, rule, example row and steps it was compiled from.</summary>
internal sealed class ScenarioIndex
{
    private readonly Dictionary<string, (Scenario Scenario, Rule? Rule)> scenarios = [];
    private readonly Dictionary<string, Step> steps = [];
    private readonly Dictionary<string, (Examples Examples, TableRow Row, string TestNameSuffix)> rows = [];

    public ScenarioIndex(GherkinDocument document)
    {
        foreach (var child in document.Feature.Children)
        {
            AddSteps(child.Background?.Steps);
            if (child.Scenario is { } scenario)
                Add(scenario, null);
            foreach (var ruleChild in child.Rule?.Children ?? [])
            {
                AddSteps(ruleChild.Background?.Steps);
                if (ruleChild.Scenario is { } ruleScenario)
                    Add(ruleScenario, child.Rule);
            }
        }
    }

    public IReadOnlyList<ScenarioDefinition> Describe(IReadOnlyList<Pickle> pickles, IReadOnlyList<string> featureTags)
    {
        var seenNames = new Dictionary<string, int>(StringComparer.Ordinal);
        return pickles.Select((pickle, index) => Describe(pickle, index, featureTags, seenNames)).ToList();
    }

    private ScenarioDefinition Describe(Pickle pickle, int index, IReadOnlyList<string> featureTags, Dictionary<string, int> seenNames)
    {
        var (scenario, rule) = scenarios[pickle.AstNodeIds[0]];
        var row = pickle.AstNodeIds.Count > 1 ? rows[pickle.AstNodeIds[1]] : default;
        var testName = TestNames.ToIdentifier(scenario.Name) + (row.Row is null ? string.Empty : row.TestNameSuffix);
        seenNames[testName] = seenNames.GetValueOrDefault(testName) + 1;
        if (seenNames[testName] > 1)
            testName += "_" + seenNames[testName];

        var ruleTags = rule?.Tags.Select(TagName).ToArray() ?? [];
        var arguments = new OrderedDictionary();
        if (row.Row is not null)
        {
            foreach (var (header, cell) in row.Examples.TableHeader.Cells.Zip(row.Row.Cells))
                arguments[header.Value] = cell.Value;
        }

        return new ScenarioDefinition(
            index,
            testName,
            pickle.Name,
            scenario.Description,
            scenario.Tags.Select(TagName).Concat(row.Examples?.Tags.Select(TagName) ?? []).ToArray(),
            featureTags.Concat(ruleTags).ToArray(),
            rule is null ? null : new RuleInfo(rule.Name, rule.Description, ruleTags),
            arguments,
            pickle.Steps.Select(ToStep).ToArray(),
            row.Row?.Location.Line ?? scenario.Location.Line);
    }

    private ScenarioStep ToStep(PickleStep pickleStep)
    {
        var step = steps[pickleStep.AstNodeIds[0]];
        return new ScenarioStep(
            step.Keyword,
            step.KeywordType,
            pickleStep.Type switch
            {
                PickleStepType.ACTION => StepDefinitionType.When,
                PickleStepType.OUTCOME => StepDefinitionType.Then,
                _ => StepDefinitionType.Given,
            },
            pickleStep.Text,
            pickleStep.Argument?.DocString?.Content,
            ToTable(pickleStep.Argument?.DataTable),
            step.Location.Line);
    }

    private static Table? ToTable(PickleTable? dataTable)
    {
        if (dataTable is null || dataTable.Rows.Count == 0)
            return null;
        var table = new Table(dataTable.Rows[0].Cells.Select(cell => cell.Value).ToArray());
        foreach (var row in dataTable.Rows.Skip(1))
            table.AddRow(row.Cells.Select(cell => cell.Value).ToArray());
        return table;
    }

    private void Add(Scenario scenario, Rule? rule)
    {
        scenarios[scenario.Id] = (scenario, rule);
        AddSteps(scenario.Steps);
        var unnamedSets = scenario.Examples.Count(examples => string.IsNullOrEmpty(examples.Name));
        for (var setIndex = 0; setIndex < scenario.Examples.Count; setIndex++)
            AddRows(scenario.Examples[setIndex], setIndex, unnamedSets);
    }

    // Reqnroll names an outline row after its examples set (when named, or when several are unnamed)
    // and its first cell, or "Variant{i}" when the first cells of the set are not distinct.
    private void AddRows(Examples examples, int setIndex, int unnamedSets)
    {
        var setName = !string.IsNullOrEmpty(examples.Name) ? TestNames.ToIdentifier(examples.Name)
            : unnamedSets > 1 ? TestNames.ToIdentifier($"ExampleSet {setIndex}")
            : null;
        var firstCells = examples.TableBody.Select(row => row.Cells.Count > 0 ? TestNames.ToIdentifier(row.Cells[0].Value) : null).ToList();
        var useFirstCell = firstCells.All(cell => cell is not null) && firstCells.Distinct().Count() == firstCells.Count;
        for (var rowIndex = 0; rowIndex < examples.TableBody.Count; rowIndex++)
        {
            var variant = useFirstCell ? firstCells[rowIndex]! : $"Variant{rowIndex}";
            var suffix = setName is null ? $"_{variant}" : $"_{setName}_{variant}";
            rows[examples.TableBody[rowIndex].Id] = (examples, examples.TableBody[rowIndex], suffix);
        }
    }

    private void AddSteps(IEnumerable<Step>? stepsToAdd)
    {
        foreach (var step in stepsToAdd ?? [])
            steps[step.Id] = step;
    }

    private static string TagName(Tag tag) => tag.Name.TrimStart('@');
}
