using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using TradingBot.Acceptance.Domain.Chain;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.Hosting;
using TradingBot.Acceptance.Support.Chain;
using TradingBot.Benchmarks.Latency;
using TradingBot.Benchmarks.Pipeline;

namespace TradingBot.Benchmarks.Soak;

/// <summary>
/// The soak (`benchmarks/run --soak`): the hosted bot, with its production intervals, on a database file, reading
/// the simulated Base node (a block every 100 ms of real time, 3 confirmations) at 1,000 fills/s for five minutes
/// (or <c>--soak-seconds</c>): raw TakeOrderV3 logs submitted as they fall due and spread over the blocks. The node
/// and its feeder run in a process of their own (<see cref="NodeProcess"/>), so that what is measured is the bot's. Fills
/// rotate over 30,000 symbols, so that each symbol's order has been filled (the order status poller runs every
/// 15–20 s) before its next fill and every fill is hedged by an order of its own. Each fill's latency runs from
/// the block that confirms it to the broker receiving its order (<see cref="ConfirmedFills"/>); windows group the
/// fills by when they were due. Passes when every fill was hedged exactly once and the database holds every trade,
/// order and fill, the p99 is under 50 ms in every 30-second window, resident memory in the last window is within
/// 10 % of the window after the first minute (the window before the last if shorter), and open handles and threads did
/// not grow from that window to the last; a window's gauges are the medians of its 1-second samples (<see cref="GaugeSeries"/>).
/// </summary>
public static class SoakRun
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan P99Target = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan Settling = TimeSpan.FromSeconds(60);

    /// <returns>Whether every target was met; the per-window table and the checks are printed.</returns>
    public static async Task<bool> RunAsync(TimeSpan duration)
    {
        var folder = Directory.CreateTempSubdirectory("bot-soak-").FullName;
        try
        {
            var clock = TimeProvider.System;
            await using var node = await NodeProcess.StartAsync(duration, folder).ConfigureAwait(false);
            var fills = SoakFills.Count(duration);
            var tickers = SoakFills.Tickers(fills);
            var ledger = new ConfirmedFills(tickers, fills);
            using var tracing = new ActivitySource("TradingBot.Soak");
            using var database = SqliteDatabase.OpenFile(Path.Combine(folder, "bot.db"), clock, tracing);
            var executor = new InstantExecutor(clock) { Received = ledger.Received };
            var options = new BotOptions
            {
                Chain = new ChainReaderOptions(node.WebSocketUri, new OrderbookSettings(ScenarioChain.Orderbook, ScenarioChain.BotOwner, 0, SoakFills.Confirmations)),
            };
            using var beside = new BesideWork(tracing);
            using var path = new HedgingPath(tracing);
            using var collections = new CollectorPauses();
            await using var bot = HostedBot.Create(new BotComponents(database, executor, clock, options, HedgingSettings.ForExecutor(SupportedExecutor.DryRun))
            {
                Seed = 1,
                Tracing = tracing,
            });
            // The symbols and their vaults are known ahead, as configured tokens are: the soak measures fills, not first
            // symbol() look-ups and vault discoveries.
            foreach (var ticker in tickers)
                bot.Reader.Symbols.Seed(SimulatedChain.TokenAddress("t" + ticker), "t" + ticker);
            bot.Reader.Symbols.Seed(SimulatedChain.TokenAddress("USDC"), "USDC");
            KnownVaults.Record(database, tickers, clock);
            await bot.StartAsync(CancellationToken.None).ConfigureAwait(false);
            while (!bot.Reader.IsConnected)
                await Task.Delay(10).ConfigureAwait(false);

            var started = Stopwatch.GetTimestamp();
            var gauges = new GaugeSeries(duration);
            using var self = Process.GetCurrentProcess();
            var cpuAtStart = (Bot: self.TotalProcessorTime, Node: node.ProcessorTime);
            await node.FeedAsync(started).ConfigureAwait(false);
            await SampleAsync(node.FedAsync(), gauges, started).ConfigureAwait(false);
            self.Refresh();
            var cpu = (Bot: self.TotalProcessorTime - cpuAtStart.Bot, Node: node.ProcessorTime - cpuAtStart.Node);
            var fed = Stopwatch.GetElapsedTime(started);
            var hedged = await UntilAsync(() => ledger.SharesReceived >= fills, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            // The last orders are filled by the poller's next round, at most 20 s later.
            var filled = await UntilAsync(() => Unfilled(database) == 0, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            await bot.StopAsync(CancellationToken.None).ConfigureAwait(false);
            var pages = database.StatementRuns(); // every connection idle now
            var (scheduled, confirmed) = await node.StopAsync().ConfigureAwait(false);
            // A stall of seconds is most often the reader reconnecting (a request unanswered within its timeout) or a task restarted.
            var faults = string.Join(", ", bot.Tasks.Supervisors.Where(task => task.Faults > 0).Select(task => $"{task.Name} {task.Faults} ({task.LastFault?.Message})"));
            Console.WriteLine($"chain reader: {bot.Reader.Connections} connections, {bot.Reader.Stalls} stalls; task faults: {(faults.Length == 0 ? "none" : faults)}");
            Console.WriteLine($"{beside.Describe(BesideWork.Poll)}; {beside.Describe(BesideWork.Check)}; {beside.Describe(BesideWork.Restart)}; {beside.DescribeDropped()}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"CPU while the node fed: the bot's process {cpu.Bot.TotalSeconds:N1} s ({cpu.Bot / fed:P0} of a core), the node's {cpu.Node.TotalSeconds:N1} s ({cpu.Node / fed:P0}), of {Environment.ProcessorCount} cores"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"SQLite pages read into the caches (not found there): the writer's {pages.WriterPagesRead:N0} ({(double)pages.WriterPagesRead / fills:N1} a fill), the readers' {pages.ReaderPagesRead:N0}; written by the commits {pages.PagesWritten:N0} ({(double)pages.PagesWritten / fills:N1} a fill)"));

            var (latencies, extraShares) = ledger.Match(scheduled, confirmed);
            Console.WriteLine(path.Describe(latencies, P99Target));
            Console.WriteLine(collections.Describe());
            var windows = Windows(latencies, gauges, (beside, collections), started, duration);
            Console.WriteLine(Table(windows));
            return Check(windows, duration, (hedged && extraShares == 0 && scheduled.Length == fills, latencies.Count, fills), filled, database, executor.Placed);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    // Samples this process's gauges every second until the node has fed every fill.
    private static async Task SampleAsync(Task fed, GaugeSeries gauges, long started)
    {
        using var ticks = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (!fed.IsCompleted)
        {
            gauges.SampleIfDue(Stopwatch.GetElapsedTime(started));
            await ticks.WaitForNextTickAsync().ConfigureAwait(false);
        }

        await fed.ConfigureAwait(false);
    }

    private static async Task<bool> UntilAsync(Func<bool> condition, TimeSpan deadline)
    {
        var started = Stopwatch.GetTimestamp();
        while (!condition())
        {
            if (Stopwatch.GetElapsedTime(started) > deadline)
                return false;
            await Task.Delay(50).ConfigureAwait(false);
        }

        return true;
    }

    private static long Unfilled(SqliteDatabase database)
    {
        using var connection = database.OpenConnection();
        using var command = new SqliteCommand("SELECT COUNT(*) FROM offchain_order_view WHERE status IS NOT 'Filled'", connection);
        return (long)command.ExecuteScalar()!;
    }

    private static List<SoakWindow> Windows(List<(long Scheduled, long Confirmed, long Arrived, TimeSpan Latency)> latencies, GaugeSeries gauges, (BesideWork Work, CollectorPauses Collections) beside, long started, TimeSpan duration)
    {
        var windows = new List<SoakWindow>();
        var ticks = (long)(Window.TotalSeconds * Stopwatch.Frequency);
        for (var number = 0; number * Window < duration; number++)
        {
            var (from, until) = (started + number * ticks, started + (number + 1) * ticks);
            var due = latencies.Where(fill => fill.Scheduled >= from && fill.Scheduled < until).ToList();
            TimeSpan[] sorted = [.. due.Select(fill => fill.Latency).Order()];
            if (sorted.Length == 0)
                continue;
            var slow = due.Where(fill => fill.Latency >= P99Target).ToList();
            int Beside(string work) => slow.Count(fill => beside.Work.Overlaps(work, fill.Confirmed, fill.Arrived));
            windows.Add(new SoakWindow(number + 1, sorted.Length, CoverageLedger.Percentile(sorted, 0.50), CoverageLedger.Percentile(sorted, 0.99), sorted[^1],
                (slow.Count, Beside(BesideWork.Poll), Beside(BesideWork.Check), Beside(BesideWork.Restart), slow.Count(fill => beside.Collections.Overlaps(fill.Confirmed, fill.Arrived))),
                gauges.Window(number * Window, (number + 1) * Window)));
        }

        return windows;
    }

    private static string Table(List<SoakWindow> windows)
    {
        var text = new StringBuilder();
        text.AppendLine("| Window | Fills | p50 | p99 | Max | Over target (during a poll cycle / a check / a log restart / a collection) | Collector's pauses | Resident | Resident range | Managed heap | Collector's committed | SQLite | Handles | Threads | Pool workers | Pool range |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var window in windows)
        {
            var (gauges, median) = (window.Gauges, window.Gauges.Median);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {(window.Number - 1) * Window.TotalSeconds:N0}–{window.Number * Window.TotalSeconds:N0} s | {window.Fills:N0} | {window.P50.TotalMilliseconds:N2} ms | "
                + $"{window.P99.TotalMilliseconds:N2} ms | {window.Max.TotalMilliseconds:N2} ms | {window.Slow.All:N0} ({window.Slow.BesidePoll:N0} / {window.Slow.BesideCheck:N0} / {window.Slow.BesideRestart:N0} / {window.Slow.BesideCollection:N0}) | {gauges.Paused.TotalMilliseconds:N0} ms | {Megabytes(median.ResidentBytes)} | "
                + $"{gauges.MinResident / 1_048_576d:N0}–{gauges.MaxResident / 1_048_576d:N0} MB | {Megabytes(median.HeapBytes)} | {Megabytes(median.CommittedBytes)} | {Megabytes(median.SqliteBytes)} | {median.Handles} | {median.Threads} | "
                + $"{median.PoolThreads} | {gauges.MinPoolThreads}–{gauges.MaxPoolThreads} |");
        }

        text.Append("Resident memory, managed heap, the collector's committed memory, SQLite's, handles, threads and the thread pool's workers: medians of the window's 1-second samples; "
            + "the collector's pauses: their sum over the window.");

        return text.ToString();
    }

    private static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1_048_576d:N1} MB");

    private static bool Check(List<SoakWindow> windows, TimeSpan duration, (bool Hedged, int Covered, int Fills) hedging, bool filled,
        SqliteDatabase database, long orders)
    {
        // The window after the first minute, when the bot's aggregate cache has filled (30,000 positions, then trades and
        // orders) and its heap has reached its steady size (the node's kept blocks are in the node's process, not measured);
        // in a run shorter than two minutes, the window before the last (a single window compared with itself would prove nothing).
        var baselineWindow = duration >= 2 * Settling
            ? windows.First(window => (window.Number - 1) * Window >= Settling)
            : windows[Math.Max(0, windows.Count - 2)];
        var twoWindows = baselineWindow != windows[^1];
        var (baselineGauges, endGauges) = (baselineWindow.Gauges, windows[^1].Gauges);
        var (baseline, end) = (baselineGauges.Median, endGauges.Median);
        var compared = $"the last window, from {(windows[^1].Number - 1) * Window.TotalSeconds:N0} s, against the window from {(baselineWindow.Number - 1) * Window.TotalSeconds:N0} s";
        var rows = WrittenRows.Count(database);
        var symbols = SoakFills.SymbolCount(hedging.Fills);
        // The vault registry holds the USDC vault once and each token's vault once (§4.7), known before the run.
        var hedgingRows = WrittenRows.For(hedging.Fills, orders, symbols);
        var expected = hedgingRows with { Events = hedgingRows.Events + symbols + 1 };
        var checks = new (string What, bool Met)[]
        {
            ($"every fill hedged exactly once: {hedging.Covered:N0} of {hedging.Fills:N0} fills by {orders:N0} orders", hedging.Hedged && hedging.Covered == hedging.Fills),
            ($"every order filled, the database holding what was asked: {rows} (asked {expected})", filled && rows == expected),
            ($"p99 < {P99Target.TotalMilliseconds:N0} ms in every {Window.TotalSeconds:N0}-second window (worst {windows.Max(window => window.P99).TotalMilliseconds:N2} ms)",
                windows.All(window => window.P99 < P99Target)),
            ($"resident memory at the end within 10 % of {(duration >= 2 * Settling ? "after the first minute" : "before")} ({compared}): {Megabytes(end.ResidentBytes)} against {Megabytes(baseline.ResidentBytes)}",
                twoWindows && Math.Abs(end.ResidentBytes - baseline.ResidentBytes) <= baseline.ResidentBytes / 10),
            ($"no growth in handles: {end.Handles} against {baseline.Handles}", twoWindows && end.Handles <= baseline.Handles),
            ($"no growth in threads other than the pool's workers and the background collector's: {endGauges.OtherThreads} against {baselineGauges.OtherThreads}",
                twoWindows && endGauges.OtherThreads <= baselineGauges.OtherThreads),
            // The pool adds a worker when its queue stalls and retires one only after seconds without work, so its count
            // moves with the machine's load; a worker that never comes back lifts the fewest of every later window.
            ($"no growth in the thread pool's workers (the fewest in the last window against the most in the other): "
                + $"{endGauges.MinPoolThreads} against {baselineGauges.MaxPoolThreads}", twoWindows && endGauges.MinPoolThreads <= baselineGauges.MaxPoolThreads),
        };
        foreach (var (what, met) in checks)
            Console.WriteLine($"{(met ? "met" : "NOT MET")}: {what}");
        return checks.All(check => check.Met);
    }
}
