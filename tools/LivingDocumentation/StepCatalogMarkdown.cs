using System.Globalization;
using System.Text;

namespace TradingBot.Acceptance.LivingDocumentation;

/// <summary>Writes the step catalog as Markdown for product owners, linked from the README.</summary>
public static class StepCatalogMarkdown
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <param name="featuresLink">How the catalog's folder reaches the repository root, to link feature files.</param>
    public static string Write(StepCatalog catalog, string source, string featuresLink)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var text = new StringBuilder();
        text.AppendLine("# Step catalog").AppendLine()
            .AppendLine(Invariant, $"Every step a scenario can use, generated from `{source}`. {catalog.UsedSteps.Count()} steps are used by the features, {catalog.UnusedSteps.Count()} are bound but unused.")
            .AppendLine("Write a step with its expression's words; replace each `{type}` by a value the type allows. Examples are taken from the features.")
            .AppendLine();
        WriteParameterTypes(text, catalog.ParameterTypes);
        text.AppendLine("## Steps used by the features, by area").AppendLine();
        if (!catalog.UsedSteps.Any())
            text.AppendLine("None yet: no step of this run's features is bound.").AppendLine();
        WriteByArea(text, catalog.UsedSteps, featuresLink);
        text.AppendLine("## Steps no feature uses, by area").AppendLine();
        if (!catalog.UnusedSteps.Any())
            text.AppendLine("None.").AppendLine();
        WriteByArea(text, catalog.UnusedSteps, featuresLink);
        WriteList(text, "Steps written in the features that nothing binds yet", catalog.UnboundSteps, featuresLink);
        WriteList(text, "Steps of scenarios not automated yet (@wip, @ignore), not matched in this run", catalog.NotAutomatedSteps, featuresLink);
        return text.ToString();
    }

    private static void WriteParameterTypes(StringBuilder text, IReadOnlyList<ParameterTypeUse> parameterTypes)
    {
        text.AppendLine("## Parameter types").AppendLine();
        if (parameterTypes.Count == 0)
        {
            text.AppendLine("No step takes a parameter yet.").AppendLine();
            return;
        }

        text.AppendLine("| Type | Allowed values | Example | Values used in the features | Pattern |").AppendLine("| --- | --- | --- | --- | --- |");
        foreach (var type in parameterTypes)
        {
            text.AppendLine(Invariant,
                $"| `{{{type.Name}}}` | {Cell(type.AllowedValues)} | {(type.Example is null ? string.Empty : Code(type.Example))} | {string.Join(", ", type.ValuesUsed.Take(12).Select(Code))} | {string.Join(" or ", type.RegularExpressions.Select(Code))} |");
        }

        text.AppendLine();
    }

    private static void WriteByArea(StringBuilder text, IEnumerable<CatalogStep> steps, string featuresLink)
    {
        foreach (var area in steps.GroupBy(step => step.Area))
        {
            text.AppendLine(Invariant, $"### {area.Key}").AppendLine();
            foreach (var step in area)
                WriteStep(text, step, featuresLink);
        }
    }

    private static void WriteStep(StringBuilder text, CatalogStep step, string featuresLink)
    {
        text.AppendLine(Invariant, $"#### {Code(step.Expression)}").AppendLine();
        if (step.IsRegularExpression)
            text.AppendLine("- Kind: regular expression");
        if (step.ParameterNames.Count > 0)
            text.AppendLine(Invariant, $"- Parameters: {string.Join(", ", step.ParameterNames.Select(name => $"`{{{name}}}`"))}");
        if (step.Example is { } example)
            text.AppendLine(Invariant, $"- Example: {Code(example.ToString())} ({Link(example.Uri, example.Line, featuresLink)})");
        if (step.Uses.Count > 0)
        {
            text.AppendLine(Invariant, $"- Used by: {string.Join("; ",
                step.Uses.Select(use => $"{Cell(use.Feature)} ({use.Scenarios} {(use.Scenarios == 1 ? "scenario" : "scenarios")})"))}");
        }

        text.AppendLine(Invariant, $"- Bound by: `{step.BoundBy}`").AppendLine();
    }

    private static void WriteList(StringBuilder text, string title, IReadOnlyList<CatalogExample> steps, string featuresLink)
    {
        if (steps.Count == 0)
            return;
        text.AppendLine(Invariant, $"## {title}").AppendLine();
        foreach (var step in steps)
            text.AppendLine(Invariant, $"- {Code(step.ToString())} ({Link(step.Uri, step.Line, featuresLink)})");
        text.AppendLine();
    }

    private static string Link(string uri, long line, string featuresLink) =>
        string.Create(Invariant, $"[{uri}:{line}]({featuresLink}{uri}#L{line})");

    private static string Code(string value) =>
        value.Contains('`', StringComparison.Ordinal) ? $"`` {Cell(value)} ``" : $"`{Cell(value)}`";

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
