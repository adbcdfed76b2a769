using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Xml.Linq;

namespace TradingBot.Acceptance.UnitTests.ReqnrollNUnit;

/// <summary>
/// Builds the sample suite under <c>Sample/</c> and runs it with <c>dotnet test</c> in its own process,
/// exactly as a reader runs the acceptance suite, and keeps what NUnit and Reqnroll reported.
/// </summary>
public sealed class SampleSuiteRun
{
    // One build and one full run per test process, shared by every fixture that reads them: two builds of
    // one project at the same time would collide in its obj/ folder. Both hold only immutable results.
    private static readonly Lazy<Task> Build = new(BuildOnceAsync);
    private static readonly Lazy<Task<SampleSuiteRun>> FullRun = new(async () =>
    {
        await BuildAsync();
        return await RunAsync();
    });

    private SampleSuiteRun(string folder, int exitCode, IReadOnlyList<SampleTestResult> results, string output)
    {
        Folder = folder;
        ExitCode = exitCode;
        Results = results;
        Output = output;
    }

    /// <summary>The exit code of <c>dotnet test</c>, which CI trusts.</summary>
    public int ExitCode { get; }

    public string Folder { get; }

    public IReadOnlyList<SampleTestResult> Results { get; }

    public string Output { get; }

    public string HookLogPath => Path.Combine(Folder, "hooks.log");

    public string ReportPath(string extension) => Path.Combine(Folder, "report." + extension);

    public static string ProjectPath =>
        Path.Combine(
            typeof(SampleSuiteRun).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(attribute => attribute.Key == "ProjectDirectory").Value!,
            "UnitTests", "ReqnrollNUnit", "Sample", "ReqnrollNUnit.Sample.csproj");

    /// <summary>Builds the sample suite once per test process.</summary>
    public static Task BuildAsync() => Build.Value;

    /// <summary>The run of the whole sample suite, made once per test process.</summary>
    public static Task<SampleSuiteRun> FullRunAsync() => FullRun.Value;

    private static async Task BuildOnceAsync()
    {
        var (exitCode, output) = await DotnetAsync(Path.GetTempPath(), new Dictionary<string, string>(), "build", ProjectPath, "--nologo", "-v", "q");
        if (exitCode != 0)
            throw new InvalidOperationException($"The sample suite did not build:{Environment.NewLine}{output}");
    }

    /// <summary>Where <c>dotnet build</c> (Debug) puts a test project's assembly.</summary>
    internal static string AssemblyPath(string projectPath) =>
        Path.Combine(Path.GetDirectoryName(projectPath)!, "bin", "Debug", "net10.0", Path.GetFileNameWithoutExtension(projectPath) + ".dll");

    /// <summary>Runs the built sample suite; a filter such as <c>Category=smoke</c> narrows it.</summary>
    public static Task<SampleSuiteRun> RunAsync(string? filter = null) =>
        RunAsync(AssemblyPath(ProjectPath), Directory.CreateTempSubdirectory("reqnroll-nunit-sample-").FullName, filter);

    /// <summary>
    /// Runs a copy of the built sample suite after <paramref name="change"/> has changed the copy's output folder
    /// (its <c>reqnroll.json</c>, its feature files), as a reader's edit followed by a build would.
    /// </summary>
    public static async Task<SampleSuiteRun> RunChangedAsync(Action<string> change, string? filter = null)
    {
        ArgumentNullException.ThrowIfNull(change);
        await BuildAsync();
        var folder = Directory.CreateTempSubdirectory("reqnroll-nunit-sample-").FullName;
        var built = Path.GetDirectoryName(AssemblyPath(ProjectPath))!;
        var copy = Path.Combine(folder, "bin");
        foreach (var file in Directory.EnumerateFiles(built, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(built, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        change(copy);
        return await RunAsync(Path.Combine(copy, Path.GetFileName(AssemblyPath(ProjectPath))), folder, filter);
    }

    private static async Task<SampleSuiteRun> RunAsync(string assemblyPath, string folder, string? filter)
    {
        var formatters = JsonSerializer.Serialize(new
        {
            formatters = new
            {
                html = new { outputFilePath = Path.Combine(folder, "report.html") },
                message = new { outputFilePath = Path.Combine(folder, "report.ndjson") },
            },
        });
        // The built assembly, not the project: the run needs no MSBuild evaluation.
        List<string> arguments = ["test", assemblyPath, "--nologo", "--logger", $"trx;LogFileName={folder}/results.trx"];
        if (filter is not null)
            arguments.AddRange(["--filter", filter]);
        var (exitCode, output) = await DotnetAsync(folder,
            new Dictionary<string, string> { ["SAMPLE_HOOK_LOG"] = Path.Combine(folder, "hooks.log"), ["REQNROLL_FORMATTERS"] = formatters },
            [.. arguments]);
        var trx = Path.Combine(folder, "results.trx");
        if (!File.Exists(trx))
            throw new InvalidOperationException($"The sample suite wrote no results:{Environment.NewLine}{output}");
        return new SampleSuiteRun(folder, exitCode, ReadTrx(trx), output);
    }

    private static List<SampleTestResult> ReadTrx(string path)
    {
        var document = XDocument.Load(path);
        XNamespace trx = document.Root!.Name.Namespace;
        var classNames = document.Descendants(trx + "UnitTest").ToDictionary(
            test => (string)test.Attribute("id")!,
            test => (string)test.Element(trx + "TestMethod")!.Attribute("className")!);
        return document.Descendants(trx + "UnitTestResult").Select(result => new SampleTestResult(
            classNames[(string)result.Attribute("testId")!],
            (string)result.Attribute("testName")!,
            (string)result.Attribute("outcome")! switch
            {
                "Passed" => SampleOutcome.Passed,
                "NotExecuted" => SampleOutcome.Skipped,
                _ => SampleOutcome.Failed,
            },
            (string?)result.Descendants(trx + "Message").FirstOrDefault() ?? string.Empty,
            (string?)result.Descendants(trx + "StdOut").FirstOrDefault() ?? string.Empty))
            .ToList();
    }

    internal static async Task<(int ExitCode, string Output)> DotnetAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        start.Environment["REQNROLL_TELEMETRY_ENABLED"] = "0";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await standardOutput + await standardError);
    }
}
