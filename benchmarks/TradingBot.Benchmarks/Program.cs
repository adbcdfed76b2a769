using System.Reflection;
using TradingBot.Acceptance.Support.EventStores;
using TradingBot.Benchmarks;
using TradingBot.Benchmarks.Pipeline;
using TradingBot.Benchmarks.Report;

// The README's benchmark command (benchmarks/run) lands here. `--skip-runners` leaves out the runner
// comparison (it builds and runs two test projects); `--only-runners` runs nothing else. `--smoke --postgres`
// times the pipeline and the raw inserts once on a SQLite file and once on PostgreSQL; with `--statements`, it
// prints the statements and round trips per fill that the pipeline sends PostgreSQL (on SQLite, the statements
// SQLite ran and the pages written per fill). `--smoke --poll` times cycles of
// the order status poller over 15,000 open orders (`--orders N`, `--passes N`,
// `--allocations`, `--cold`: polled by a bot opened anew; on a file, `--memory` or `--postgres`, cold not in memory).
if (args.Contains("--smoke"))
{
    Storage[] storages = args.Contains("--memory") ? [Storage.Memory] : args.Contains("--file") ? [Storage.File]
        : args.Contains("--postgres") ? [Storage.File, Storage.Postgres] : [Storage.Memory, Storage.File];
    try
    {
        if (args.Contains("--poll"))
            await TradingBot.Benchmarks.Poller.PollCycle.RunAsync(
                IntAfter("--orders") ?? TradingBot.Benchmarks.Poller.PollCycle.DefaultOrders,
                args.Contains("--memory") ? Storage.Memory : args.Contains("--postgres") ? Storage.Postgres : Storage.File,
                IntAfter("--passes") ?? 3, args.Contains("--allocations"), args.Contains("--cold")).ConfigureAwait(false);
        else if (args.Contains("--phases"))
            await Smoke.PhasesAsync(2_000, storages).ConfigureAwait(false);
        else if (args.Contains("--controls"))
            await Smoke.ControlsAsync(2_000, storages, 6).ConfigureAwait(false);
        else if (args.Contains("--latency"))
            await Smoke.LatencyAsync(storages, args.SkipWhile(arg => arg != "--rate").Skip(1).Select(double.Parse).Cast<double?>().FirstOrDefault()).ConfigureAwait(false);
        else
            await Smoke.RunAsync(args.Contains("--large") ? 10_000 : 2_000, storages, args.Contains("--repeat") ? 5 : 1, args.Contains("--statements")).ConfigureAwait(false);
    }
    finally
    {
        TestEventStores.StopServer(); // the throwaway PostgreSQL cluster of --postgres, if one was started
    }

    return 0;
}

if (args is ["--soak-node", var nodeSeconds, var bookkeeping])
{
    // The soak's node and feeder, started by the soak itself as a process of their own.
    return await TradingBot.Benchmarks.Soak.SoakNode.RunAsync(TimeSpan.FromSeconds(double.Parse(nodeSeconds, System.Globalization.CultureInfo.InvariantCulture)), bookkeeping)
        .ConfigureAwait(false);
}

if (args.Contains("--soak"))
{
    // Not part of CI: five minutes of the hosted bot by default; --soak-seconds shortens it for a check.
    var seconds = args.SkipWhile(arg => arg != "--soak-seconds").Skip(1).Select(int.Parse).DefaultIfEmpty(300).First();
    Console.WriteLine($"Soak: the hosted bot at {TradingBot.Benchmarks.Soak.SoakFills.PerSecond:N0} fills/s for {seconds} s from the simulated node in a process of its own, on a database file; load average before: {ShortRun.LoadAverage()}");
    var met = await TradingBot.Benchmarks.Soak.SoakRun.RunAsync(TimeSpan.FromSeconds(seconds)).ConfigureAwait(false);
    Console.WriteLine($"Measured {DateTimeOffset.Now:yyyy-MM-dd HH:mm zzz} on {Environment.ProcessorCount} cores; load average after: {ShortRun.LoadAverage()}");
    return met ? 0 : 1;
}

var loadBefore = ShortRun.LoadAverage();
var repository = Repository.Find();
var configuration = typeof(Repository).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
ResultTable table;
try
{
    table = await new ShortRun(repository, configuration, args).RunAsync().ConfigureAwait(false);
}
finally
{
    TestEventStores.StopServer(); // the throwaway PostgreSQL cluster of the PostgreSQL rows, if one was started
}

Console.WriteLine();
Console.WriteLine($"Measured {DateTimeOffset.Now:yyyy-MM-dd HH:mm zzz} on {Environment.ProcessorCount} cores; load average (1, 5, 15 min) before: {loadBefore}, after: {ShortRun.LoadAverage()}");
Console.WriteLine();
Console.WriteLine(table);
return 0;

int? IntAfter(string option) => args.SkipWhile(arg => arg != option).Skip(1).Select(int.Parse).Cast<int?>().FirstOrDefault();
