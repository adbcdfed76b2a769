using System.Diagnostics;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.Hosting;
using TradingBot.Acceptance.Support.Fakes;

namespace TradingBot.Benchmarks.Hosting;

/// <summary>
/// The whole bot on a database file, fed by the local WebSocket chain feed. Every fill sells 1 share of its
/// own symbol, so every fill crosses the threshold and becomes one broker order at once. With rebalancing,
/// the bot also runs the rebalancing trigger (following every commit), the rebalancer and the inventory
/// poller; no symbol has a vault, so the trigger checks each fill's symbol and sends no move.
/// </summary>
public static class FeedToOrders
{
    public sealed record Result(int Orders, double OrdersPerSecond, double P50Milliseconds, double P99Milliseconds, double MaxMilliseconds);

    /// <summary>Pushes <paramref name="fills"/> fills at <paramref name="perSecond"/> (0 = all at once) and waits for every order.</summary>
    public static async Task<Result> RunAsync(int fills, int perSecond, bool inMemory, bool rebalancing = false)
    {
        var folder = Directory.CreateTempSubdirectory("bot-bench-").FullName;
        try
        {
            await using var feed = await ChainFeedServer.StartAsync();
            var clock = TimeProvider.System;
            using var database = inMemory ? SqliteDatabase.InMemory(clock) : SqliteDatabase.OpenFile(Path.Combine(folder, "bot.db"), clock);
            var executor = new TimedExecutor(clock);
            var options = new BotOptions { ChainFeed = feed.Feed, DeploymentBlock = 0, ChannelCapacity = 4096 };
            await using var bot = HostedBot.Create(new BotComponents(database, executor, clock, options, HedgingSettings.ForExecutor(SupportedExecutor.DryRun))
            {
                Seed = 1,
                Rebalancing = rebalancing ? UnreachablePorts.Components : null,
            });
            await bot.StartAsync(CancellationToken.None);
            while (!bot.Receiver.IsConnected)
                await Task.Delay(10);

            var all = Enumerable.Range(1, fills).Select(Fill).ToList();
            var sentAt = new Dictionary<Symbol, long>();
            var started = Stopwatch.GetTimestamp();
            await PushAsync(feed, all, perSecond, sentAt);
            while (executor.Accepted < fills)
                await Task.Delay(5);
            var elapsed = Stopwatch.GetElapsedTime(started);
            await bot.StopAsync(CancellationToken.None);

            var latencies = sentAt.Select(sent => Stopwatch.GetElapsedTime(sent.Value, executor.PlacedAt[sent.Key]).TotalMilliseconds).Order().ToList();
            return new Result(executor.Accepted, fills / elapsed.TotalSeconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies[^1]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task PushAsync(ChainFeedServer feed, List<ChainFill> all, int perSecond, Dictionary<Symbol, long> sentAt)
    {
        const int BatchesPerSecond = 100;
        var batch = perSecond == 0 ? all.Count : Math.Max(1, perSecond / BatchesPerSecond);
        using var ticks = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / BatchesPerSecond));
        for (var offset = 0; offset < all.Count; offset += batch)
        {
            var slice = all.Skip(offset).Take(batch).ToList();
            var now = Stopwatch.GetTimestamp();
            foreach (var fill in slice)
                sentAt[Symbol.FromTokenSymbol(fill.TokenSymbol)] = now;
            feed.Push(slice);
            if (perSecond > 0)
                await ticks.WaitForNextTickAsync();
        }
    }

    private static ChainFill Fill(int number) =>
        new($"0x{number:x64}", 0, number, DateTimeOffset.UnixEpoch.AddSeconds(number), "t" + Ticker(number), 1m, Direction.Sell, 100m);

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
