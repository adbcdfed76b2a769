using System.Text.RegularExpressions;

namespace TradingBot.Acceptance.UnitTests.Documentation;

/// <summary>
/// What keeps the documentation inside the repository: no file points at a folder beside the clone,
/// and every section of the rules that a file cites ("DOMAIN §6.5", or "§6.5" alone) is a heading of
/// <c>docs/domain.md</c>. Each check returns its findings as <c>path:line: …</c>, empty when all is well.
/// </summary>
public static partial class DocumentationChecks
{
    public const string DomainDocument = "docs/domain.md";

    // Written in two parts so that this file does not mention what it looks for.
    private static readonly string[] OutsideReferences = [".." + "/shared", "shared/" + "DOMAIN.md"];

    private static readonly string[] CitingExtensions = [".cs", ".feature", ".md"];

    /// <summary>Lines that refer to the shared folder beside the clone, which nobody who clones the repository has.</summary>
    public static IReadOnlyList<string> OutsideFolderReferences(IEnumerable<RepositoryFile> files) =>
        files.SelectMany(file => file.Text.Split('\n').Select((line, index) => (file.Path, Line: index + 1, Text: line)))
            .Where(line => OutsideReferences.Any(reference => line.Text.Contains(reference, StringComparison.OrdinalIgnoreCase)))
            .Select(line => $"{line.Path}:{line.Line}: {line.Text.Trim()}")
            .ToList();

    /// <summary>The section numbers of a document's headings: <c>## 6. …</c> gives 6, <c>### 6.5 …</c> gives 6.5.</summary>
    public static IReadOnlySet<string> SectionNumbers(string markdown) =>
        HeadingPattern().Matches(markdown).Select(match => match.Groups["section"].Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>Citations in .cs, .feature and .md files of a section that the rules document has no heading for.</summary>
    public static IReadOnlyList<string> UnresolvedCitations(IEnumerable<RepositoryFile> files, string domainMarkdown)
    {
        var sections = SectionNumbers(domainMarkdown);
        return files
            .Where(file => CitingExtensions.Any(extension => file.Path.EndsWith(extension, StringComparison.OrdinalIgnoreCase)))
            .SelectMany(file => CitationPattern().Matches(file.Text)
                .Where(match => !sections.Contains(match.Groups["section"].Value))
                .Select(match => $"{file.Path}:{LineOf(file.Text, match.Index)}: §{match.Groups["section"].Value} has no heading in {DomainDocument}"))
            .ToList();
    }

    private static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    [GeneratedRegex(@"^#{2,4}[ \t]+(?<section>\d+(?:\.\d+)*)\.?[ \t]", RegexOptions.Multiline)]
    private static partial Regex HeadingPattern();

    // "DOMAIN §10", "DOMAIN\n§3" or "§6.5" alone: the only numbered document the repository cites is the rules.
    [GeneratedRegex(@"§\s*(?<section>\d+(?:\.\d+)*)")]
    private static partial Regex CitationPattern();
}
