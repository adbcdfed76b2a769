using System.Globalization;
using Gherkin;
using Io.Cucumber.Messages.Types;

namespace TradingBot.Acceptance.ReqnrollNUnit;

/// <summary>
/// Finds description lines that read like steps (<c>Given …</c> under <c>Feature:</c> before any scenario):
/// Gherkin takes them as free text, so the step they look like never runs.
/// </summary>
internal static class StepLikeDescriptionLines
{
    private const string Advice = "Move it under a Scenario or Background, or reword it.";

    public static IReadOnlyList<string> Find(string uri, string text, GherkinDocument document, GherkinDialect dialect)
    {
        var keywords = dialect.GivenStepKeywords.Concat(dialect.WhenStepKeywords).Concat(dialect.ThenStepKeywords)
            .Concat(dialect.AndStepKeywords).Concat(dialect.ButStepKeywords)
            .Where(keyword => keyword.Trim() != "*").Distinct().ToArray();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var warnings = new List<string>();
        foreach (var (keyword, name, description, line) in Described(document.Feature))
        {
            var cursor = (int)line;
            foreach (var descriptionLine in (description ?? string.Empty).Split('\n').Select(part => part.Trim()).Where(part => part.Length > 0))
            {
                while (cursor < lines.Length && lines[cursor].Trim() != descriptionLine)
                    cursor++;
                if (cursor >= lines.Length)
                    break;
                cursor++;
                if (keywords.Any(stepKeyword => descriptionLine.StartsWith(stepKeyword, StringComparison.Ordinal)))
                {
                    warnings.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{uri}:{cursor}: warning: \"{descriptionLine}\" is description text of {keyword.Trim()} \"{name}\", not a step: Gherkin does not run it. {Advice}"));
                }
            }
        }

        return warnings;
    }

    private static IEnumerable<(string Keyword, string Name, string Description, long Line)> Described(Feature feature)
    {
        yield return (feature.Keyword, feature.Name, feature.Description, feature.Location.Line);
        foreach (var child in feature.Children)
        {
            foreach (var described in Described(child.Background, child.Scenario))
                yield return described;
            if (child.Rule is { } rule)
            {
                yield return (rule.Keyword, rule.Name, rule.Description, rule.Location.Line);
                foreach (var ruleChild in rule.Children)
                {
                    foreach (var described in Described(ruleChild.Background, ruleChild.Scenario))
                        yield return described;
                }
            }
        }
    }

    private static IEnumerable<(string Keyword, string Name, string Description, long Line)> Described(Background? background, Scenario? scenario)
    {
        if (background is not null)
            yield return (background.Keyword, background.Name, background.Description, background.Location.Line);
        if (scenario is not null)
            yield return (scenario.Keyword, scenario.Name, scenario.Description, scenario.Location.Line);
    }
}
