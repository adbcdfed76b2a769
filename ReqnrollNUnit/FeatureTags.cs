using System.Text.RegularExpressions;

namespace TradingBot.Acceptance.ReqnrollNUnit;

/// <summary>
/// The tags written in a feature file's text, read line by line without parsing it: the categories of the one
/// failing test that stands for a file Gherkin cannot read, or for a configuration that runs nothing, so that a
/// filtered run (<c>--filter "Category=smoke"</c>) still selects that test and fails instead of matching nothing.
/// </summary>
public static partial class FeatureTags
{
    public static IReadOnlyList<string> In(string featureText) =>
        featureText.ReplaceLineEndings("\n").Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith('@'))
            .SelectMany(line => Tag().Matches(line).Select(match => match.Groups["name"].Value))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    [GeneratedRegex(@"@(?<name>[^\s@#]+)")]
    private static partial Regex Tag();
}
