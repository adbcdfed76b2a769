using System.Globalization;
using System.Xml.Linq;

namespace TradingBot.Acceptance.LivingDocumentation;

/// <summary>The line and branch coverage of a Cobertura report, as coverlet writes it for <c>Domain/</c>.</summary>
public sealed record CoverageSummary(int LinesCovered, int LinesValid, int BranchesCovered, int BranchesValid)
{
    /// <exception cref="InvalidDataException">The file is not a Cobertura report.</exception>
    public static CoverageSummary Read(string coberturaPath)
    {
        var root = XDocument.Load(coberturaPath).Root;
        if (root?.Name.LocalName != "coverage")
            throw new InvalidDataException($"{coberturaPath}: not a Cobertura coverage report.");
        return new CoverageSummary(Count(root, "lines-covered"), Count(root, "lines-valid"), Count(root, "branches-covered"), Count(root, "branches-valid"));
    }

    /// <summary>One line: <c>lines 87.5% (700 of 800), branches 75.0% (300 of 400)</c>.</summary>
    public override string ToString() =>
        $"lines {Percent(LinesCovered, LinesValid)} ({LinesCovered} of {LinesValid}), branches {Percent(BranchesCovered, BranchesValid)} ({BranchesCovered} of {BranchesValid})";

    private static string Percent(int covered, int valid) =>
        valid == 0 ? "n/a" : (100m * covered / valid).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static int Count(XElement root, string attribute) =>
        int.Parse((string?)root.Attribute(attribute) ?? throw new InvalidDataException($"The coverage report has no {attribute}."), CultureInfo.InvariantCulture);
}
