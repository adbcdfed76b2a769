using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace TradingBot.Acceptance.LivingDocumentation;

/// <summary>Writes the step catalog as one self-contained HTML page, next to the run's report.</summary>
public static partial class StepCatalogHtml
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private const string Style = """
        body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 70em; padding: 0 1em; color: #222; }
        table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #ccc; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
        th { background: #f3f3f3; } code { background: #f3f3f3; padding: 0 0.2em; border-radius: 3px; }
        .step { border-left: 4px solid #4caf50; margin: 0.8em 0; padding: 0.2em 0.8em; } .step.unused { border-color: #bbb; }
        .step h4 { margin: 0.3em 0; font-size: 1em; } .step dl { margin: 0; } .step dt { float: left; clear: left; width: 7em; color: #666; }
        .step dd { margin-left: 7em; } nav a { margin-right: 1em; }
        """;

    /// <param name="featuresLink">How the page's folder reaches the repository root, to link feature files.</param>
    public static string Write(StepCatalog catalog, string source, string featuresLink)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>").AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Step catalog</title>")
            .AppendLine(Invariant, $"<style>{Style}</style></head><body>")
            .AppendLine("<h1>Step catalog</h1>")
            .AppendLine(Invariant, $"<p>Every step a scenario can use, generated from <code>{Encode(source)}</code>: {catalog.UsedSteps.Count()} steps are used by the features, {catalog.UnusedSteps.Count()} are bound but unused. ")
            .AppendLine("Write a step with its words and replace each <code>{type}</code> by a value the type allows. Examples are taken from the features.</p>");
        var areas = catalog.Steps.Select(step => step.Area).Distinct().Order(StringComparer.OrdinalIgnoreCase).ToList();
        html.AppendLine(Invariant, $"<nav>Areas: {string.Concat(areas.Select(area => $"<a href=\"#{Anchor(area)}\">{Encode(area)}</a>"))}</nav>");
        WriteParameterTypes(html, catalog.ParameterTypes);
        foreach (var area in areas)
        {
            html.AppendLine(Invariant, $"<h2 id=\"{Anchor(area)}\">{Encode(area)}</h2>");
            foreach (var step in catalog.Steps.Where(step => step.Area == area))
                WriteStep(html, step, featuresLink);
        }

        WriteList(html, "Steps written in the features that nothing binds yet", catalog.UnboundSteps, featuresLink);
        WriteList(html, "Steps of scenarios not automated yet (@wip, @ignore), not matched in this run", catalog.NotAutomatedSteps, featuresLink);
        return html.AppendLine("</body></html>").ToString();
    }

    private static void WriteParameterTypes(StringBuilder html, IReadOnlyList<ParameterTypeUse> parameterTypes)
    {
        html.AppendLine("<h2 id=\"parameter-types\">Parameter types</h2>");
        if (parameterTypes.Count == 0)
        {
            html.AppendLine("<p>No step takes a parameter yet.</p>");
            return;
        }

        html.AppendLine("<table><tr><th>Type</th><th>Allowed values</th><th>Example</th><th>Values used in the features</th></tr>");
        foreach (var type in parameterTypes)
        {
            html.AppendLine(Invariant,
                $"<tr><td><code>{{{Encode(type.Name)}}}</code></td><td>{Words(type.AllowedValues)}</td><td>{(type.Example is null ? string.Empty : Code(type.Example))}</td><td>{string.Join(", ", type.ValuesUsed.Take(12).Select(Code))}</td></tr>");
        }

        html.AppendLine("</table>");
    }

    private static void WriteStep(StringBuilder html, CatalogStep step, string featuresLink)
    {
        html.AppendLine(Invariant, $"<div class=\"step{(step.Uses.Count == 0 ? " unused" : string.Empty)}\"><h4>{Code(step.Expression)}</h4><dl>");
        if (step.ParameterNames.Count > 0)
            html.AppendLine(Invariant, $"<dt>Parameters</dt><dd>{string.Join(", ", step.ParameterNames.Select(name => Code($"{{{name}}}")))}</dd>");
        if (step.Example is { } example)
            html.AppendLine(Invariant, $"<dt>Example</dt><dd>{Code(example.ToString())} ({Link(example.Uri, example.Line, featuresLink)})</dd>");
        html.AppendLine(Invariant, $"<dt>Used by</dt><dd>{(step.Uses.Count == 0 ? "no feature yet" : string.Join("; ",
            step.Uses.Select(use => $"{Encode(use.Feature)} ({use.Scenarios} {(use.Scenarios == 1 ? "scenario" : "scenarios")})")))}</dd>");
        html.AppendLine(Invariant, $"<dt>Bound by</dt><dd>{Code(step.BoundBy)}</dd></dl></div>");
    }

    private static void WriteList(StringBuilder html, string title, IReadOnlyList<CatalogExample> steps, string featuresLink)
    {
        if (steps.Count == 0)
            return;
        html.AppendLine(Invariant, $"<h2>{Encode(title)}</h2><ul>");
        foreach (var step in steps)
            html.AppendLine(Invariant, $"<li>{Code(step.ToString())} ({Link(step.Uri, step.Line, featuresLink)})</li>");
        html.AppendLine("</ul>");
    }

    private static string Link(string uri, long line, string featuresLink) =>
        string.Create(Invariant, $"<a href=\"{Encode(featuresLink + uri)}\">{Encode(uri)}:{line}</a>");

    private static string Code(string value) => $"<code>{Encode(value)}</code>";

    // The allowed values are written with Markdown's `code`: the same on the page.
    private static string Words(string value) => Backticked().Replace(Encode(value), match => $"<code>{match.Groups[1].Value}</code>");

    private static string Anchor(string area) => "area-" + NotAnchor().Replace(area.ToLowerInvariant(), "-");

    private static string Encode(string value) => WebUtility.HtmlEncode(value);

    [GeneratedRegex("`([^`]*)`")]
    private static partial Regex Backticked();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotAnchor();
}
