using System.Text.RegularExpressions;

namespace TradingBot.Benchmarks.Runner;

/// <summary>
/// Runs the synthetic suite with cucumber-js (on one worker and on two) and with Reqnroll through the NUnit integration (under
/// <c>dotnet test</c> on VSTest, under <c>dotnet test</c> on Microsoft.Testing.Platform, and as the
/// platform's own test host), each with the html and message reports, <see cref="Rounds"/> times in turn
/// (the median of each counts), then the acceptance suite once. Each run's reports are checked (<see cref="ReportCheck"/>). Builds come first and are not timed:
/// cucumber-js has nothing to build.
/// </summary>
public static partial class RunnerComparison
{
    /// <summary>Rounds of the five runs, one after the other, so that a passing load hits every runner alike.</summary>
    public const int Rounds = 3;

    public static async Task<RunnerResult> MeasureAsync(string repository, string configuration)
    {
        var suite = SyntheticSuite.Write(repository);
        await Dotnet(suite.Root, "build", suite.VsTestProject, "-c", configuration, "-v", "q").ConfigureAwait(false);
        await Dotnet(Path.GetDirectoryName(suite.PlatformProject)!, "build", suite.PlatformProject, "-c", configuration, "-v", "q").ConfigureAwait(false);
        var rounds = new List<RunnerRun[]>();
        for (var round = 0; round < Rounds; round++)
            rounds.Add(await MeasureRoundAsync(repository, configuration, suite).ConfigureAwait(false));

        var acceptance = await ProcessRun.StartAsync(repository, new Dictionary<string, string>(), "dotnet",
            "test", Path.Combine(repository, "TradingBot.Acceptance.csproj"), "-c", configuration, "--no-build",
            "--filter", "FullyQualifiedName~TradingBot.Acceptance.Features.").ConfigureAwait(false);
        var total = TotalTests().Match(acceptance.Output);
        var runs = rounds[0].Select((run, index) => run with
        {
            Wall = rounds.Select(round => round[index].Wall).Order().ElementAt(Rounds / 2),
            Workers = rounds.Max(round => round[index].Workers),
        }).ToArray();
        return new RunnerResult(SyntheticSuite.Scenarios, runs, acceptance.Wall,
            total.Success ? int.Parse(total.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0);
    }

    /// <returns>
    /// cucumber-js on one worker and with <c>--parallel 2</c>, dotnet test on VSTest, on the platform, and the platform's
    /// host run directly: each run's wall time, after its reports were checked.
    /// </returns>
    private static async Task<RunnerRun[]> MeasureRoundAsync(string repository, string configuration, SyntheticSuite suite)
    {
        var expected = $"{SyntheticSuite.Scenarios}";
        var runs = new List<RunnerRun>();
        foreach (var (name, reports, parallel) in new[] { ("cucumber-js 12.9.0", "cucumber-js", 1), ("cucumber-js 12.9.0 `--parallel 2`", "cucumber-js-parallel", 2) })
        {
            var cucumber = await ProcessRun.StartAsync(Path.Combine(repository, "benchmarks"), new Dictionary<string, string>(), "node",
                Path.Combine(repository, "benchmarks", "node_modules", "@cucumber", "cucumber", "bin", "cucumber.js"),
                suite.Features, "--require", suite.JavaScriptSteps, "--parallel", $"{parallel}",
                "--format", $"html:{suite.Report(reports, "html")}",
                "--format", $"message:{suite.Report(reports, "ndjson")}",
                "--format", "summary").ConfigureAwait(false);
            runs.Add(Checked(name, reports, cucumber.Expect($"{expected} scenarios ({expected} passed)")));
        }

        var vsTest = await ProcessRun.StartAsync(suite.Root, Reports(suite, "vstest"), "dotnet",
            "test", suite.VsTestProject, "-c", configuration, "--no-build").ConfigureAwait(false);
        runs.Add(Checked("Reqnroll + ReqnrollNUnit, `dotnet test` (VSTest)", "vstest", vsTest.Expect($"Passed: {expected}"), target: 0.6));

        var platformFolder = Path.GetDirectoryName(suite.PlatformProject)!;
        var platform = await ProcessRun.StartAsync(platformFolder, Reports(suite, "mtp"), "dotnet",
            "test", "--project", suite.PlatformProject, "-c", configuration, "--no-build").ConfigureAwait(false);
        runs.Add(Checked("Reqnroll + ReqnrollNUnit, `dotnet test` (Microsoft.Testing.Platform)", "mtp", platform.Expect($"succeeded: {expected}"), target: 0.6));

        var host = await ProcessRun.StartAsync(platformFolder, Reports(suite, "mtp-host"), "dotnet",
            Path.Combine(platformFolder, "bin", configuration, "net10.0", "SyntheticSuite.dll")).ConfigureAwait(false);
        runs.Add(Checked("Reqnroll + ReqnrollNUnit, platform test host run directly", "mtp-host", host.Expect($"succeeded: {expected}"), target: 1.0));
        return [.. runs];

        RunnerRun Checked(string name, string reports, ProcessRun run, double? target = null)
        {
            var workers = ReportCheck.Verify(suite.Report(reports, "html"), suite.Report(reports, "ndjson"), SyntheticSuite.Scenarios, $"`{run.Command}`");
            foreach (var report in new[] { "html", "ndjson" })
                File.Delete(suite.Report(reports, report)); // the next round must write its own
            return new RunnerRun(name, run.Wall, workers, target);
        }
    }

    private static Dictionary<string, string> Reports(SyntheticSuite suite, string name) => new() { ["REQNROLL_FORMATTERS"] = suite.Formatters(name) };

    private static async Task Dotnet(string folder, params string[] arguments)
    {
        var build = await ProcessRun.StartAsync(folder, new Dictionary<string, string>(), "dotnet", arguments).ConfigureAwait(false);
        if (build.ExitCode != 0)
            throw new InvalidOperationException($"`{build.Command}` failed:{Environment.NewLine}{build.Output}");
    }

    [GeneratedRegex(@"Total:\s*(\d+)")]
    private static partial Regex TotalTests();
}
