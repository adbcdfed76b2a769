namespace TradingBot.Benchmarks.Runner;

/// <summary>Each runner's median wall time for the synthetic suite and the workers it used, then the acceptance suite's.</summary>
public sealed record RunnerResult(int Scenarios, IReadOnlyList<RunnerRun> Runs, TimeSpan AcceptanceSuite, int AcceptanceTests)
{
    /// <summary>cucumber-js on one worker, the reference.</summary>
    public RunnerRun CucumberJs => Runs[0];

    public double PerSecond(RunnerRun run) => Scenarios / (run ?? throw new ArgumentNullException(nameof(run))).Wall.TotalSeconds;
}

/// <summary>
/// One runner of the comparison: its name in the table, its median wall time, the most workers its reports show and the
/// least it must reach as a ratio to cucumber-js on one worker (none for cucumber-js itself).
/// </summary>
public sealed record RunnerRun(string Name, TimeSpan Wall, int Workers, double? Target = null);
