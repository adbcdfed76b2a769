using System.Text.RegularExpressions;

namespace TradingBot.Benchmarks.Runner;

/// <summary>
/// Runs the synthetic suite with cucumber-js and with Reqnroll through the NUnit integration (under
/// <c>dotnet test</c> on VSTest, under <c>dotnet test</c> on Microsoft.Testing.Platform, and as the
/// platform's own test host), each with the html and message reports, <see cref="Rounds"/> times in turn
/// (the median of each counts), then the acceptance suite once. Builds come first and are not timed:
/// cucumber-js has nothing to build.
/// </summary>
public static partial class RunnerComparison
{
    /// <summary>Rounds of the four runs, one after the other, so that a passing load hits every runner alike.</summary>
    public const int Rounds = 3;

    public static async Task<RunnerResult> MeasureAsync(string repository, string configuration)
    {
        var suite = SyntheticSuite.Write(repository);
        await Dotnet(suite.Root, "build", suite.VsTestProject, "-c", configuration, "-v", "q").ConfigureAwait(false);
        await Dotnet(Path.GetDirectoryName(suite.PlatformProject)!, "build", suite.PlatformProject, "-c", configuration, "-v", "q").ConfigureAwait(false);
        var walls = new List<TimeSpan[]>();
        for (var round = 0; round < Rounds; round++)
            walls.Add(await MeasureRoundAsync(repository, configuration, suite).ConfigureAwait(false));

        var acceptance = await ProcessRun.StartAsync(repository, new Dictionary<string, string>(), "dotnet",
            "test", Path.Combine(repository, "TradingBot.Acceptance.csproj"), "-c", configuration, "--no-build",
            "--filter", "FullyQualifiedName~TradingBot.Acceptance.Features.").ConfigureAwait(false);
        var total = TotalTests().Match(acceptance.Output);
        TimeSpan Median(int runner) => walls.Select(round => round[runner]).Order().ElementAt(Rounds / 2);
        return new RunnerResult(SyntheticSuite.Scenarios, Median(0), Median(1), Median(2), Median(3), acceptance.Wall,
            total.Success ? int.Parse(total.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0);
    }

    /// <returns>The wall times of cucumber-js, dotnet test on VSTest, on the platform, and the platform's host.</returns>
    private static async Task<TimeSpan[]> MeasureRoundAsync(string repository, string configuration, SyntheticSuite suite)
    {
        var expected = $"{SyntheticSuite.Scenarios}";
        var cucumber = await ProcessRun.StartAsync(Path.Combine(repository, "benchmarks"), new Dictionary<string, string>(), "node",
            Path.Combine(repository, "benchmarks", "node_modules", "@cucumber", "cucumber", "bin", "cucumber.js"),
            suite.Features, "--require", suite.JavaScriptSteps,
            "--format", $"html:{Path.Combine(suite.Reports, "cucumber-js.html")}",
            "--format", $"message:{Path.Combine(suite.Reports, "cucumber-js.ndjson")}",
            "--format", "summary").ConfigureAwait(false);
        cucumber.Expect($"{expected} scenarios ({expected} passed)");

        var vsTest = await ProcessRun.StartAsync(suite.Root, Reports(suite, "vstest"), "dotnet",
            "test", suite.VsTestProject, "-c", configuration, "--no-build").ConfigureAwait(false);
        vsTest.Expect($"Passed: {expected}");

        var platformFolder = Path.GetDirectoryName(suite.PlatformProject)!;
        var platform = await ProcessRun.StartAsync(platformFolder, Reports(suite, "mtp"), "dotnet",
            "test", "--project", suite.PlatformProject, "-c", configuration, "--no-build").ConfigureAwait(false);
        platform.Expect($"succeeded: {expected}");

        var host = await ProcessRun.StartAsync(platformFolder, Reports(suite, "mtp-host"), "dotnet",
            Path.Combine(platformFolder, "bin", configuration, "net10.0", "SyntheticSuite.dll")).ConfigureAwait(false);
        host.Expect($"succeeded: {expected}");
        return [cucumber.Wall, vsTest.Wall, platform.Wall, host.Wall];
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
