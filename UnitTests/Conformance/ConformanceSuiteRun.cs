using System.Reflection;
using System.Text.Json;
using TradingBot.Acceptance.UnitTests.ReqnrollNUnit;

namespace TradingBot.Acceptance.UnitTests.Conformance;

/// <summary>
/// Builds the conformance suite (<c>Suite/</c>: the kit's supported samples with their ported bindings) and
/// runs it once per test process with <c>dotnet test</c>, keeping the Cucumber messages it wrote.
/// </summary>
public static class ConformanceSuiteRun
{
    private static readonly Lazy<Task<string>> Run = new(BuildAndRunAsync);

    public static string ConformanceFolder =>
        Path.Combine(
            typeof(ConformanceSuiteRun).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(attribute => attribute.Key == "ProjectDirectory").Value!,
            "UnitTests", "Conformance");

    /// <summary>The kit's samples, installed by <c>npm ci</c> in <c>UnitTests/Conformance</c>.</summary>
    public static string KitFeatures => Path.Combine(ConformanceFolder, "node_modules", "@cucumber", "compatibility-kit", "features");

    /// <summary>The path of the NDJSON the suite's run wrote.</summary>
    public static Task<string> MessagesAsync() => Run.Value;

    private static async Task<string> BuildAndRunAsync()
    {
        if (!Directory.Exists(KitFeatures))
            throw new InvalidOperationException($"The Cucumber Compatibility Kit is not installed: run 'npm ci' in {ConformanceFolder}.");
        var project = Path.Combine(ConformanceFolder, "Suite", "Conformance.Suite.csproj");
        var (buildExit, buildOutput) = await SampleSuiteRun.DotnetAsync(Path.GetTempPath(), new Dictionary<string, string>(), "build", project, "--nologo", "-v", "q");
        if (buildExit != 0)
            throw new InvalidOperationException($"The conformance suite did not build:{Environment.NewLine}{buildOutput}");
        var folder = Directory.CreateTempSubdirectory("cucumber-conformance-").FullName;
        var messages = Path.Combine(folder, "messages.ndjson");
        var formatters = JsonSerializer.Serialize(new { formatters = new { message = new { outputFilePath = messages } } });
        var (_, output) = await SampleSuiteRun.DotnetAsync(folder, new Dictionary<string, string> { ["REQNROLL_FORMATTERS"] = formatters },
            "test", SampleSuiteRun.AssemblyPath(project), "--nologo");
        return File.Exists(messages) ? messages : throw new InvalidOperationException($"The conformance suite wrote no messages:{Environment.NewLine}{output}");
    }
}
