using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TradingBot.Benchmarks.Runner;

/// <summary>
/// Writes the synthetic suite: <see cref="Scenarios"/> scenarios of five steps over four bindings, in
/// 20 feature files, with the same bindings in C# (one project on VSTest, one on
/// Microsoft.Testing.Platform, both linking <c>ReqnrollNUnit/</c>) and in JavaScript for cucumber-js.
/// Both sides write the html and message reports.
/// </summary>
public sealed class SyntheticSuite
{
    public const int Scenarios = 1_000;
    private const int FeatureFiles = 20;

    private SyntheticSuite(string repository)
    {
        Repository = repository;
        Root = Path.Combine(repository, "benchmarks", "synthetic-suite");
    }

    public string Repository { get; }

    public string Root { get; }

    public string Features => Path.Combine(Root, "features");

    public string VsTestProject => Path.Combine(Root, "vstest", "SyntheticSuite.csproj");

    public string PlatformProject => Path.Combine(Root, "mtp", "SyntheticSuite.csproj");

    public string JavaScriptSteps => Path.Combine(Root, "js", "steps.js");

    public string Reports => Path.Combine(Root, "reports");

    public static SyntheticSuite Write(string repository)
    {
        var suite = new SyntheticSuite(repository);
        if (Directory.Exists(suite.Reports))
            Directory.Delete(suite.Reports, recursive: true);
        Directory.CreateDirectory(suite.Features);
        Directory.CreateDirectory(suite.Reports);
        for (var file = 0; file < FeatureFiles; file++)
            suite.WriteText(Path.Combine("features", $"synthetic-{file + 1:00}.feature"), Feature(file));
        suite.WriteProject("vstest", platform: false);
        suite.WriteProject("mtp", platform: true);
        suite.WriteText(Path.Combine("js", "steps.js"), SyntheticBindings.JavaScript);
        return suite;
    }

    /// <summary>The formatters' settings for a run whose reports are named <paramref name="name"/>.</summary>
    public string Formatters(string name) => JsonSerializer.Serialize(new
    {
        formatters = new
        {
            html = new { outputFilePath = Report(name, "html") },
            message = new { outputFilePath = Report(name, "ndjson") },
        },
    });

    /// <summary>The path of the report named <paramref name="name"/> of the kind <paramref name="extension"/> (html, ndjson).</summary>
    public string Report(string name, string extension) => Path.Combine(Reports, $"{name}.{extension}");

    private static string Feature(int file)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Feature: Synthetic totals {file + 1}\n");
        var perFile = Scenarios / FeatureFiles;
        for (var index = 0; index < perFile; index++)
        {
            var number = file * perFile + index;
            var (start, first, second) = (number % 7, number % 5 + 1, number % 3 + 2);
            text.Append(CultureInfo.InvariantCulture, $"""

                  Scenario: Total number {number}
                    Given the total starts at {start}
                    When {first} is added
                    And {second} is added
                    And the total is doubled
                    Then the total is {(start + first + second) * 2}

                """);
        }

        return text.ToString();
    }

    private void WriteProject(string folder, bool platform)
    {
        WriteText(Path.Combine(folder, "SyntheticSuite.csproj"), SyntheticBindings.Project(Repository.Replace('\\', '/'), platform));
        WriteText(Path.Combine(folder, "TotalSteps.cs"), SyntheticBindings.CSharp);
        // The acceptance suite's configuration (runtime and trace settings); REQNROLL_FORMATTERS points the reports elsewhere.
        WriteText(Path.Combine(folder, "reqnroll.json"), File.ReadAllText(Path.Combine(Repository, "reqnroll.json")));
        if (platform)
            WriteText(Path.Combine(folder, "global.json"), """{ "sdk": { "version": "10.0.100", "rollForward": "latestFeature" }, "test": { "runner": "Microsoft.Testing.Platform" } }""");
    }

    // Unchanged files keep their time stamps, so that the next run's builds have nothing to do.
    private void WriteText(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (!File.Exists(path) || File.ReadAllText(path) != text)
            File.WriteAllText(path, text);
    }
}
