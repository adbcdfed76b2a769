using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TradingBot.Acceptance.LivingDocumentation;

/// <summary>
/// Every step a product owner can write, built from a run's <c>stepDefinition</c>, <c>parameterType</c>,
/// <c>pickle</c> and <c>testCase</c> messages: its expression, parameter types, an example from the
/// features and the features that use it; plus the steps no feature uses and the written steps nothing binds.
/// </summary>
public sealed partial class StepCatalog
{
    private StepCatalog(IReadOnlyList<CatalogStep> steps, IReadOnlyList<ParameterTypeUse> parameterTypes, StepMatches matches)
    {
        Steps = steps;
        ParameterTypes = parameterTypes;
        UnboundSteps = matches.Unbound;
        NotAutomatedSteps = matches.NotAutomated;
    }

    /// <summary>Steps used by at least one feature first, then unused ones; each group by expression.</summary>
    public IReadOnlyList<CatalogStep> Steps { get; }

    public IReadOnlyList<ParameterTypeUse> ParameterTypes { get; }

    /// <summary>Steps written in the features that no step definition matches (undefined).</summary>
    public IReadOnlyList<CatalogExample> UnboundSteps { get; }

    /// <summary>Steps of scenarios that did not run (<c>@wip</c>, <c>@ignore</c>): the run did not match them.</summary>
    public IReadOnlyList<CatalogExample> NotAutomatedSteps { get; }

    public IEnumerable<CatalogStep> UsedSteps => Steps.Where(step => step.Uses.Count > 0);

    public IEnumerable<CatalogStep> UnusedSteps => Steps.Where(step => step.Uses.Count == 0);

    public static StepCatalog Build(CucumberRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        // Parameters are named as the expressions write them ({shares}), not by the .NET type the run reports.
        var writtenNames = run.StepDefinitions
            .Where(definition => CucumberRun.Text(definition["pattern"], "type") != "REGULAR_EXPRESSION")
            .ToDictionary(definition => CucumberRun.Text(definition, "id"), definition => ParameterNamesIn(CucumberRun.Text(definition["pattern"], "source")));
        var matches = new StepMatches(run, writtenNames);
        var steps = run.StepDefinitions
            .Select(definition => Describe(definition, matches))
            .OrderBy(step => step.Uses.Count == 0)
            .ThenBy(step => step.Area, StringComparer.OrdinalIgnoreCase)
            .ThenBy(step => step.Expression, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var parameterNames = steps.SelectMany(step => step.ParameterNames).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var parameterTypes = parameterNames.Select(name => DescribeParameterType(name, run, matches)).ToList();
        return new StepCatalog(steps, parameterTypes, matches);
    }

    private static CatalogStep Describe(JsonObject definition, StepMatches matches)
    {
        var id = CucumberRun.Text(definition, "id");
        var pattern = definition["pattern"];
        var expression = CucumberRun.Text(pattern, "source");
        var isRegularExpression = CucumberRun.Text(pattern, "type") == "REGULAR_EXPRESSION";
        var examples = matches.ExamplesOf(id);
        var names = matches.ParameterNamesOf(id) ?? (isRegularExpression ? [] : ParameterNamesIn(expression));
        var uses = examples
            .GroupBy(example => example.Example.Uri, StringComparer.Ordinal)
            .Select(byFeature => new FeatureUse(
                matches.FeatureName(byFeature.Key), byFeature.Key, byFeature.Select(example => example.PickleId).Distinct().Count()))
            .OrderBy(use => use.Feature, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new CatalogStep(Area(definition), expression, isRegularExpression, BoundBy(definition), names, examples.Count > 0 ? examples[0].Example : null, uses);
    }

    private static ParameterTypeUse DescribeParameterType(string name, CucumberRun run, StepMatches matches)
    {
        var custom = run.ParameterTypes.FirstOrDefault(type => CucumberRun.Text(type, "name") == name);
        var valuesUsed = matches.ValuesOf(name);
        if (custom is not null)
        {
            var patterns = custom["regularExpressions"]?.AsArray().Select(pattern => pattern!.GetValue<string>()).ToList() ?? [];
            var listed = patterns.SelectMany(ParameterTypeWords.ListedWords).ToList();
            return new ParameterTypeUse(
                name, string.Join("; or ", patterns.Select(ParameterTypeWords.Describe)), patterns, valuesUsed, valuesUsed.Concat(listed).FirstOrDefault());
        }

        var example = valuesUsed.Count > 0 ? valuesUsed[0] : null;
        return BuiltInParameterTypes.TryDescribe(name, out var allowed, out var builtInPattern)
            ? new ParameterTypeUse(name, allowed, [builtInPattern], valuesUsed, example)
            : new ParameterTypeUse(name, $"a value the binding converts to `{name}`", [], valuesUsed, example);
    }

    // Binding classes are named by area (OnChainSteps, RebalancingSteps): the area is the name in words.
    private static string Area(JsonObject definition)
    {
        var className = CucumberRun.Text(definition["sourceReference"]?["javaMethod"], "className");
        var name = className[(className.LastIndexOf('.') + 1)..];
        name = name.EndsWith("Steps", StringComparison.Ordinal) && name.Length > 5 ? name[..^5] : name;
        if (name.Length == 0)
            return "Other";
        var words = WordStart().Split(name);
        return string.Join(' ', words.Select((word, index) => index == 0 ? word : word.ToLowerInvariant()));
    }

    private static string BoundBy(JsonObject definition)
    {
        var method = definition["sourceReference"]?["javaMethod"];
        if (method is null)
            return CucumberRun.Text(definition["sourceReference"], "uri");
        var className = CucumberRun.Text(method, "className");
        var parameterTypes = method["methodParameterTypes"]?.AsArray().Select(type => type!.GetValue<string>()) ?? [];
        return $"{className[(className.LastIndexOf('.') + 1)..]}.{CucumberRun.Text(method, "methodName")}({string.Join(", ", parameterTypes)})";
    }

    /// <summary>The parameter types of a Cucumber expression: <c>{int}</c>, <c>{usd}</c>, and <c>{}</c> as "".</summary>
    public static IReadOnlyList<string> ParameterNamesIn(string cucumberExpression) =>
        ParameterPattern().Matches(cucumberExpression).Select(match => match.Groups["name"].Value).ToList();

    [GeneratedRegex(@"(?<!\\)\{(?<name>[^{}]*)\}")]
    private static partial Regex ParameterPattern();

    [GeneratedRegex(@"(?<=[a-z])(?=[A-Z])")]
    private static partial Regex WordStart();
}
