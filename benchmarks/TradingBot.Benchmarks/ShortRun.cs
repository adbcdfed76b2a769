using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using TradingBot.Benchmarks.Latency;
using TradingBot.Benchmarks.Pipeline;
using TradingBot.Benchmarks.Report;
using TradingBot.Benchmarks.Runner;
using TradingBot.Benchmarks.Scenarios;
using static TradingBot.Benchmarks.Report.ResultTable;

namespace TradingBot.Benchmarks;

/// <summary>
/// The short version of every benchmark, in one process: BenchmarkDotNet's short job in process for the
/// pipeline and the scenario cost, a timed concurrent run for latency, child processes for the runners.
/// </summary>
public sealed class ShortRun(string repository, string configuration, IReadOnlyList<string> arguments)
{
    private const int LatencyWorkers = 8;
    private const int OpenLoopSeconds = 4;
    private static readonly double[] OpenLoopRates = [250, 1_000];

    /// <summary>The machine's load average over 1, 5 and 15 minutes, as of now.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public async Task<ResultTable> RunAsync()
    {
        var table = new ResultTable();
        if (!arguments.Contains("--only-runners"))
        {
            // The pipeline runs a few hundred methods once per fill: the runtime needs several 2,000-fill passes to
            // finish compiling them (tier 0, instrumented, optimized); measured earlier, the first passes ran at half speed.
            var onlyLatency = arguments.Contains("--only-latency");
            if (!onlyLatency)
                AddPipeline(table, BenchmarkRunner.Run<PipelineBenchmarks>(Config(warmups: 4, iterations: 5)));
            await AddLatencyAsync(table).ConfigureAwait(false);
            if (!onlyLatency)
                AddScenarioCost(table, BenchmarkRunner.Run<ScenarioCostBenchmarks>(Config(warmups: 1, iterations: 3)));
        }

        if (!arguments.Contains("--skip-runners"))
            AddRunners(table, await RunnerComparison.MeasureAsync(repository, configuration).ConfigureAwait(false));
        return table;
    }

    private ManualConfig Config(int warmups, int iterations) =>
        DefaultConfig.Instance
            .AddJob(Job.ShortRun.WithWarmupCount(warmups).WithIterationCount(iterations).WithToolchain(InProcessEmitToolchain.Instance))
            .WithOptions(ConfigOptions.DisableOptimizationsValidator)
            .WithArtifactsPath(Path.Combine(repository, "benchmarks", "synthetic-suite", "BenchmarkDotNet.Artifacts"));

    private static void AddPipeline(ResultTable table, Summary summary)
    {
        foreach (var (storage, target) in new[] { (Storage.Memory, 10_000d), (Storage.File, 5_000d) })
        {
            var pipeline = PerSecond(summary, nameof(PipelineBenchmarks.HedgingPipelineAsync), storage);
            var raw = PerSecond(summary, nameof(PipelineBenchmarks.RawInserts), storage);
            var where = storage == Storage.Memory ? "in memory" : "on file (WAL, synchronous=NORMAL)";
            table.Add($"Pipeline, 20 symbols, {where}", Number(pipeline) + " fills/s", $"≥ {Number(target)} fills/s", Times(pipeline / target), pipeline >= target);
            table.Add($"Raw inserts of the same rows, {where}", Number(raw) + " fills/s");
            table.Add($"Pipeline / raw, {where}", Percent(pipeline / raw), "≥ 30 %", Percent(pipeline / raw), pipeline / raw >= 0.30);
            var controlled = PerSecond(summary, nameof(PipelineBenchmarks.HedgingPipelineWithControlsAsync), storage);
            table.Add($"Pipeline with the pre-trade controls on (none binding) / without, {where}", Number(controlled) + " fills/s", "≥ 95 %",
                Percent(controlled / pipeline), controlled / pipeline >= 0.95);
        }
    }

    private static async Task AddLatencyAsync(ResultTable table)
    {
        await LatencyRun.MeasureAsync(Storage.Memory, LatencyWorkers, 50, CancellationToken.None).ConfigureAwait(false); // warm-up
        await OpenLoopRun.MeasureAsync(Storage.Memory, LatencyWorkers, 500, 1_000, CancellationToken.None).ConfigureAwait(false);
        foreach (var storage in new[] { Storage.Memory, Storage.File })
        {
            var where = storage == Storage.Memory ? "in memory" : "on file";
            foreach (var perSecond in OpenLoopRates)
            {
                var open = await OpenLoopRun.MeasureAsync(storage, LatencyWorkers, (int)(perSecond * OpenLoopSeconds), perSecond, CancellationToken.None).ConfigureAwait(false);
                var offered = $"{Number(perSecond)} fills/s offered, {where}";
                table.Add($"Queue → broker order p50, {LatencyWorkers} workers, {offered}", Milliseconds(open.P50));
                table.Add($"Queue → broker order p99, {LatencyWorkers} workers, {offered} ({open.Fills} of {open.Offered} fills hedged on their own, max {Milliseconds(open.Max)}, GC paused {Milliseconds(open.GcPause)})",
                    Milliseconds(open.P99), "< 5 ms", Times(open.P99.TotalMilliseconds / 5), open.P99 < TimeSpan.FromMilliseconds(5));
            }

            var saturated = await LatencyRun.MeasureAsync(storage, LatencyWorkers, 250, CancellationToken.None).ConfigureAwait(false);
            table.Add($"Queue → broker order p50, {LatencyWorkers} workers at saturation (each waits for its own order), {where}", Milliseconds(saturated.P50));
            table.Add($"Queue → broker order p99, {LatencyWorkers} workers at saturation, {where} ({saturated.Fills} fills at {Number(saturated.FillsPerSecond)} fills/s, max {Milliseconds(saturated.Max)})",
                Milliseconds(saturated.P99), "< 5 ms", Times(saturated.P99.TotalMilliseconds / 5), saturated.P99 < TimeSpan.FromMilliseconds(5));
        }
    }

    private static void AddScenarioCost(ResultTable table, Summary summary)
    {
        var fresh = Median(summary, nameof(ScenarioCostBenchmarks.FreshServer));
        var pooled = Median(summary, nameof(ScenarioCostBenchmarks.PooledServer));
        table.Add("Scenario set-up + tear-down, fresh WireMock server (median)", Milliseconds(fresh), "< 5 ms", Times(fresh.TotalMilliseconds / 5), fresh < TimeSpan.FromMilliseconds(5));
        table.Add("Scenario set-up + tear-down, pooled WireMock server (median)", Milliseconds(pooled), "< 5 ms", Times(pooled.TotalMilliseconds / 5), pooled < TimeSpan.FromMilliseconds(5));
    }

    private static void AddRunners(ResultTable table, RunnerResult runners)
    {
        var cucumber = runners.PerSecond(runners.CucumberJs);
        table.Add($"cucumber-js 12.9.0, {runners.Scenarios} scenarios × 5 steps, html+message, median of {RunnerComparison.Rounds}", $"{Number(cucumber)} scenarios/s ({Seconds(runners.CucumberJs)})", "reference", "1.00×");
        foreach (var (name, wall) in new[]
        {
            ("Reqnroll + ReqnrollNUnit, `dotnet test` (VSTest)", runners.VsTest),
            ("Reqnroll + ReqnrollNUnit, `dotnet test` (Microsoft.Testing.Platform)", runners.Platform),
            ("Reqnroll + ReqnrollNUnit, platform test host run directly", runners.PlatformHost),
        })
        {
            var ours = runners.PerSecond(wall);
            table.Add($"{name}, html+message, median of {RunnerComparison.Rounds}", $"{Number(ours)} scenarios/s ({Seconds(wall)})", "≥ cucumber-js", Times(ours / cucumber), ours >= cucumber);
        }

        table.Add($"Acceptance suite, `dotnet test --no-build` ({runners.AcceptanceTests} tests)", Seconds(runners.AcceptanceSuite));
    }

    private static double PerSecond(Summary summary, string method, Storage storage) =>
        1e9 / Report(summary, method, storage).ResultStatistics!.Mean;

    private static TimeSpan Median(Summary summary, string method) =>
        TimeSpan.FromTicks((long)(Report(summary, method, storage: null).ResultStatistics!.Median / 100));

    private static BenchmarkReport Report(Summary summary, string method, Storage? storage) =>
        summary.Reports.SingleOrDefault(report => report.BenchmarkCase.Descriptor.WorkloadMethod.Name == method
            && (storage is null || Equals(report.BenchmarkCase.Parameters["Storage"], storage)) && report.ResultStatistics is not null)
        ?? throw new InvalidOperationException($"{method} {storage} has no result: see the BenchmarkDotNet log above.");
}
