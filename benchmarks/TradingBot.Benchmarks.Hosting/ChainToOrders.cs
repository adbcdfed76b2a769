using System.Collections.Concurrent;
using System.Diagnostics;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.Hosting;
using TradingBot.Acceptance.Support.Chain;

namespace TradingBot.Benchmarks.Hosting;

/// <summary>
/// The whole bot on a database file, reading its fills from the simulated Base node (a block every 100 ms of real
/// time, 3 confirmations): raw TakeOrderV3 logs pushed over the WebSocket subscription, decoded, confirmed by the
/// new heads, queued and hedged. Every fill sells 1 share of its own symbol, so every fill crosses the threshold
/// and becomes one broker order at once. The latency runs from the block that confirms a fill (mined on the node)
/// to its broker order. The symbols are known ahead, as configured tokens are: the run measures fills, not the
/// first <c>symbol()</c> look-up of 5,000 new tokens. With rebalancing, the bot also runs the rebalancing side;
/// no symbol has a vault, so the trigger checks each fill's symbol and sends no move.
/// </summary>
public static class ChainToOrders
{
    private const int Confirmations = 3;
    private static readonly TimeSpan BlockTime = TimeSpan.FromMilliseconds(100);

    public sealed record Result(int Orders, double OrdersPerSecond, double P50Milliseconds, double P99Milliseconds, double MaxMilliseconds, string Stages);

    /// <summary>Submits <paramref name="fills"/> fills at <paramref name="perSecond"/> (0 = all at once) and waits for every order.</summary>
    public static async Task<Result> RunAsync(int fills, int perSecond, bool inMemory, bool rebalancing = false)
    {
        var folder = Directory.CreateTempSubdirectory("bot-bench-").FullName;
        try
        {
            var clock = TimeProvider.System;
            await using var chain = await ScenarioChain.StartAsync(clock, deploymentBlock: 0, blocksBeforeStart: 1, BlockTime);
            var minedAt = new ConcurrentDictionary<long, long>();
            chain.Node.BlockMined = number => minedAt[number] = Stopwatch.GetTimestamp();
            using var database = inMemory ? SqliteDatabase.InMemory(clock) : SqliteDatabase.OpenFile(Path.Combine(folder, "bot.db"), clock);
            var executor = new TimedExecutor(clock);
            using var tracing = new ActivitySource("TradingBot.Benchmarks.Hosting");
            using var stages = new StageTimes(tracing);
            var (collections, paused) = (GC.CollectionCount(0), GC.GetTotalPauseDuration());
            var options = new BotOptions { Chain = chain.ReaderOptions(0, Confirmations) };
            await using var bot = HostedBot.Create(new BotComponents(database, executor, clock, options, HedgingSettings.ForExecutor(SupportedExecutor.DryRun))
            {
                Seed = 1,
                Tracing = tracing,
                Rebalancing = rebalancing ? UnreachablePorts.Components : null,
            });
            var tickers = Enumerable.Range(1, fills).Select(Ticker).ToList();
            foreach (var ticker in tickers)
                bot.Reader.Symbols.Seed(chain.Node.Chain.Token("t" + ticker), "t" + ticker);
            bot.Reader.Symbols.Seed(chain.Trades.Usdc, "USDC");
            await bot.StartAsync(CancellationToken.None);
            while (!bot.Reader.IsConnected)
                await Task.Delay(10);

            var submitted = await SubmitAsync(chain, tickers, perSecond);
            while (executor.Accepted < fills)
                await Task.Delay(5);
            await bot.StopAsync(CancellationToken.None);

            var blocks = submitted.Select(fill => chain.Node.Chain.Transaction(fill.TxHash)!.Value.Block.Number).ToList();
            var confirmedAt = blocks.Select(block => minedAt[block + Confirmations]).ToList();
            var latencies = submitted.Select((fill, index) => Stopwatch.GetElapsedTime(confirmedAt[index], executor.PlacedAt[new Symbol(fill.Ticker)]).TotalMilliseconds)
                .Order().ToList();
            // Orders per second from the first confirming block to the last order: the confirmations themselves are the chain's pace.
            var elapsed = Stopwatch.GetElapsedTime(confirmedAt.Min(), executor.PlacedAt.Values.Max());
            var breakdown = stages.Describe([.. submitted.Select((fill, index) => new StageTimes.Fill(blocks[index], confirmedAt[index], executor.PlacedAt[new Symbol(fill.Ticker)]))])
                + $"; {GC.CollectionCount(0) - collections} collections pausing {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F1} ms";
            return new Result(executor.Accepted, fills / elapsed.TotalSeconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies[^1], breakdown);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<List<(string TxHash, string Ticker)>> SubmitAsync(ScenarioChain chain, List<string> tickers, int perSecond)
    {
        const int BatchesPerSecond = 100;
        var batch = perSecond == 0 ? tickers.Count : Math.Max(1, perSecond / BatchesPerSecond);
        var submitted = new List<(string, string)>(tickers.Count);
        using var ticks = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / BatchesPerSecond));
        for (var offset = 0; offset < tickers.Count; offset += batch)
        {
            foreach (var ticker in tickers.Skip(offset).Take(batch))
                submitted.Add((chain.Trades.Take("t" + ticker, Direction.Sell, 1m, 100m), ticker));
            if (perSecond > 0)
                await ticks.WaitForNextTickAsync();
        }

        return submitted;
    }

    // A distinct ticker per fill (A, B, …, Z, BA, BB, …): each fill hedges its own symbol.
    private static string Ticker(int number)
    {
        var letters = new Stack<char>();
        for (var rest = number; rest > 0; rest /= 26)
            letters.Push((char)('A' + (rest % 26)));
        return new string([.. letters]);
    }

    private static double Percentile(List<double> sorted, double fraction) =>
        sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(fraction * sorted.Count) - 1)];
}
