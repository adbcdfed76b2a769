using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
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
    private const int SustainableBurst = 4_000;
    private const double OverloadFactor = 1.5;
    private static readonly double[] OpenLoopRates = [250, 1_000];

    // The SQLite rows' targets: the pipeline's rate, and its share of the raw ceiling's.
    private static readonly (Storage Storage, double PerSecond, double OfRaw)[] SqliteTargets = [(Storage.Memory, 10_000d, 0.50), (Storage.File, 5_000d, 0.70)];
    private static readonly SimpleFilter OnSqlite = new(benchmark => !Equals(benchmark.Parameters["Storage"], Storage.Postgres));
    private static readonly SimpleFilter OnPostgres = new(benchmark => Equals(benchmark.Parameters["Storage"], Storage.Postgres)
        && benchmark.Descriptor.WorkloadMethod.Name != nameof(PipelineBenchmarks.HedgingPipelineWithControlsAsync));

    /// <summary>The machine's load average over 1, 5 and 15 minutes, as of now.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public async Task<ResultTable> RunAsync()
    {
        var table = new ResultTable();
        if (!arguments.Contains("--only-runners"))
        {
            // Every pass of the pipeline rows runs warm code (PipelineWarmUp); BenchmarkDotNet's own warm-up passes of
            // each row then grow the heap and SQLite's caches to their steady size.
            var onlyLatency = arguments.Contains("--only-latency");
            if (!onlyLatency)
            {
                var warmUp = await PipelineWarmUp.RunAsync([Storage.Memory, Storage.File]).ConfigureAwait(false);
                table.Add("Pipeline rows' warm-up, every pass in turn until a round leaves the JIT quiet", warmUp.ToString(), $"≤ {PipelineWarmUp.QuietMethods} methods",
                    "", warmUp.Quiet);
                var sqlite = Config(warmups: 4, iterations: 5).AddFilter(OnSqlite);
                var onFile = AddPipeline(table, BenchmarkRunner.Run<PipelineBenchmarks>(arguments.Contains("--reverse") ? sqlite.WithOrderer(new ReversedOrder()) : sqlite));
                foreach (var (storage, _, ofRaw) in SqliteTargets)
                    AddPairs(table, storage, ofRaw, await AlternatingPairs.MeasureAsync(storage).ConfigureAwait(false));
                if (arguments.Contains("--only-pipeline")) // the SQLite rows alone, for a quick comparison of two builds
                    return table;
                AddPostgresPipeline(table, onFile);
            }

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

    /// <summary>The SQLite rows; the pipeline's rate on a file, for the PostgreSQL rows' ratio.</summary>
    private static double AddPipeline(ResultTable table, Summary summary)
    {
        foreach (var (storage, target, ofRaw) in SqliteTargets)
        {
            var pipeline = PerSecond(summary, nameof(PipelineBenchmarks.HedgingPipelineAsync), storage);
            var raw = PerSecond(summary, nameof(PipelineBenchmarks.RawInserts), storage);
            var where = Where(storage);
            table.Add($"Pipeline, 20 symbols, {where}", Number(pipeline) + " fills/s", $"≥ {Number(target)} fills/s", Times(pipeline / target), pipeline >= target);
            table.Add($"Raw inserts of the same rows, {where}", Number(raw) + " fills/s");
            table.Add($"Pipeline / raw, {where}", Percent(pipeline / raw), $"≥ {Percent(ofRaw)}", Times(pipeline / raw / ofRaw), pipeline / raw >= ofRaw);
            var controlled = PerSecond(summary, nameof(PipelineBenchmarks.HedgingPipelineWithControlsAsync), storage);
            table.Add($"Pipeline with the pre-trade controls on (none binding) / without, {where}", Number(controlled) + " fills/s", "≥ 95 %",
                Percent(controlled / pipeline), controlled / pipeline >= 0.95);
        }

        return PerSecond(summary, nameof(PipelineBenchmarks.HedgingPipelineAsync), Storage.File);
    }

    // The same ratio from passes of the pipeline and the raw ceiling taken in turn: steadier when the load moves. Shown
    // beside the target, not judged by it: the rows above, measured as every earlier figure of record, are.
    private static void AddPairs(ResultTable table, Storage storage, double ofRaw, PairedRatio paired) =>
        table.Add($"Pipeline / raw, {Where(storage)}, median of {AlternatingPairs.Pairs} alternating pairs (lowest–highest)",
            $"{Percent(paired.Median)} ({Percent(paired.Lowest)}–{Percent(paired.Highest)})", $"(≥ {Percent(ofRaw)}, above)", Times(paired.Median / ofRaw));

    private static string Where(Storage storage) => storage == Storage.Memory ? "in memory" : "on file (WAL, synchronous=NORMAL)";

    // The same workload and self-checks on PostgreSQL, with fewer passes (the SQLite rows before it warmed the
    // runtime up, so BenchmarkDotNet's first pass is the only warm-up, and each PostgreSQL pass takes seconds),
    // without the controls; skipped, saying why, without a server.
    private void AddPostgresPipeline(ResultTable table, double onFile)
    {
        var (server, unavailable) = PostgresServer.Reach();
        if (server is null)
        {
            table.Add("Pipeline, 20 symbols, on PostgreSQL", $"skipped: {unavailable}");
            return;
        }

        var summary = BenchmarkRunner.Run<PipelineBenchmarks>(Config(warmups: 0, iterations: 3).AddFilter(OnPostgres));
        var pipeline = PerSecond(summary, nameof(PipelineBenchmarks.HedgingPipelineAsync), Storage.Postgres);
        var raw = PerSecond(summary, nameof(PipelineBenchmarks.RawInserts), Storage.Postgres);
        table.Add($"Pipeline, 20 symbols, on {server} / on file (SQLite, above)", Number(pipeline) + " fills/s", "", Times(pipeline / onFile));
        table.Add("Raw inserts of the same rows, on PostgreSQL (a round trip each, an advisory lock per transaction)", Number(raw) + " fills/s");
        table.Add("Pipeline / raw, on PostgreSQL", Percent(pipeline / raw));
    }

    private static async Task AddLatencyAsync(ResultTable table)
    {
        await OpenLoopRun.MeasureAsync(Storage.Memory, LatencyWorkers, 1_000, 1_000, CancellationToken.None).ConfigureAwait(false); // warm-up
        foreach (var storage in new[] { Storage.Memory, Storage.File })
        {
            var where = storage == Storage.Memory ? "in memory" : "on file";
            foreach (var perSecond in OpenLoopRates)
                AddOpenLoop(table, $"{Number(perSecond)} fills/s offered, {where}", await OpenLoop(storage, perSecond).ConfigureAwait(false));

            // The rate the workers sustain, from a burst (every fill due at the start), then an open loop beyond it.
            var burst = await OpenLoopRun.MeasureAsync(storage, LatencyWorkers, SustainableBurst, double.PositiveInfinity, CancellationToken.None).ConfigureAwait(false);
            table.Add($"Sustainable rate, {LatencyWorkers} workers, burst of {Number(SustainableBurst)} fills, {where} ({Number(burst.Orders)} orders)", Number(burst.FillsPerSecond) + " fills/s");
            var over = burst.FillsPerSecond * OverloadFactor;
            AddOpenLoop(table, $"{Number(over)} fills/s offered ({OverloadFactor}× sustainable), {where}", await OpenLoop(storage, over).ConfigureAwait(false));
        }
    }

    private static Task<LatencyResult> OpenLoop(Storage storage, double perSecond) =>
        OpenLoopRun.MeasureAsync(storage, LatencyWorkers, (int)(perSecond * OpenLoopSeconds), perSecond, CancellationToken.None);

    private static void AddOpenLoop(ResultTable table, string offered, LatencyResult open)
    {
        table.Add($"Due → broker order p50 / p95, {LatencyWorkers} workers, {offered}", $"{Milliseconds(open.P50)} / {Milliseconds(open.P95)}");
        table.Add($"Due → broker order p99, {LatencyWorkers} workers, {offered} ({Number(open.Offered)} fills at {Number(open.FillsPerSecond)} fills/s, "
            + $"{Number(open.Orders)} orders, {Number(open.LeftOut)} left out; max {Milliseconds(open.Max)}, GC paused {Milliseconds(open.GcPause)})",
            Milliseconds(open.P99), "< 5 ms", Times(open.P99.TotalMilliseconds / 5), open.P99 < TimeSpan.FromMilliseconds(5));
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
        var reference = runners.PerSecond(runners.CucumberJs);
        var suite = $"{runners.Scenarios} scenarios × 5 steps, html+message checked, median of {RunnerComparison.Rounds}";
        table.Add($"{runners.CucumberJs.Name}, {suite}, {Workers(runners.CucumberJs)}", $"{Number(reference)} scenarios/s ({Seconds(runners.CucumberJs.Wall)})", "reference", "1.00×");
        foreach (var run in runners.Runs.Skip(1))
        {
            var ratio = runners.PerSecond(run) / reference;
            table.Add($"{run.Name}, {suite}, {Workers(run)}", $"{Number(runners.PerSecond(run))} scenarios/s ({Seconds(run.Wall)})",
                run.Target is { } target ? $"≥ {Times(target)} cucumber-js" : "", Times(ratio), run.Target is { } least ? ratio >= least : null);
        }

        table.Add($"Acceptance suite, `dotnet test --no-build` ({runners.AcceptanceTests} tests)", Seconds(runners.AcceptanceSuite));
    }

    private static string Workers(RunnerRun run) => run.Workers == 1 ? "1 worker" : $"{run.Workers} workers";

    private static double PerSecond(Summary summary, string method, Storage storage) =>
        1e9 / Report(summary, method, storage).ResultStatistics!.Mean;

    private static TimeSpan Median(Summary summary, string method) =>
        TimeSpan.FromTicks((long)(Report(summary, method, storage: null).ResultStatistics!.Median / 100));

    private static BenchmarkReport Report(Summary summary, string method, Storage? storage) =>
        summary.Reports.SingleOrDefault(report => report.BenchmarkCase.Descriptor.WorkloadMethod.Name == method
            && (storage is null || Equals(report.BenchmarkCase.Parameters["Storage"], storage)) && report.ResultStatistics is not null)
        ?? throw new InvalidOperationException($"{method} {storage} has no result: see the BenchmarkDotNet log above.");
}
