using System.Diagnostics;
using System.Globalization;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Support.Chain;

namespace TradingBot.Benchmarks.Soak;

/// <summary>
/// The soak's simulated Base node and its feeder, in a process of their own (<c>--soak-node</c>), as a node is
/// beside a running bot: the node's kept logs (3 KB of hex per TakeOrderV3 log, most of a shared process's
/// managed heap) and its collections then stay out of the memory and the pauses measured. It speaks with the
/// soak (<see cref="NodeProcess"/>) in lines: it writes <c>node &lt;uri&gt;</c> once listening, reads
/// <c>feed &lt;timestamp&gt;</c> and answers <c>feeding &lt;its own timestamp&gt;</c>, writes <c>fed</c> once
/// every fill is submitted, and on <c>stop</c> (or the end of its input) writes its side of the bookkeeping to
/// the file it was given (<see cref="MinedFills"/>), then <c>done</c>.
/// </summary>
public static class SoakNode
{
    // The node keeps 40 s of blocks, as a pruned node does: holding every log of the run would grow its memory for
    // nothing. 40 s is more than the reader can fall behind before it reconnects and reads the logs since its
    // checkpoint (a request unanswered for 30 s, then a 1-second backoff).
    private const int KeptBlocks = 400;
    private static readonly TimeSpan BlockTime = TimeSpan.FromMilliseconds(100);

    public static async Task<int> RunAsync(TimeSpan duration, string bookkeeping)
    {
        var fills = SoakFills.Count(duration);
        var tickers = SoakFills.Tickers(fills);
        await using var chain = await ScenarioChain.StartAsync(TimeProvider.System, deploymentBlock: 0, blocksBeforeStart: 1, BlockTime).ConfigureAwait(false);
        var mined = new MinedFills(chain.Node.Chain, fills);
        chain.Node.BlockMined = mined.Mined;
        chain.Node.Chain.KeepBlocks = KeptBlocks;
        Say($"node {chain.Node.WebSocketUri}");
        var feed = await Console.In.ReadLineAsync().ConfigureAwait(false);
        if (feed?.Split(' ') is not ["feed", var timestamp])
            return 1; // the soak ended before the feed
        Say(string.Create(CultureInfo.InvariantCulture, $"feeding {Stopwatch.GetTimestamp()}"));
        await FeedAsync(chain, mined, tickers, fills, long.Parse(timestamp, CultureInfo.InvariantCulture)).ConfigureAwait(false);
        Say("fed");
        while (await Console.In.ReadLineAsync().ConfigureAwait(false) is { } line && line != "stop")
        {
        }

        await using (var writer = new BinaryWriter(File.Create(bookkeeping)))
            mined.WriteTo(writer);
        Say("done");
        return 0;
    }

    // Open loop: every 5 ms, submits the fills due by then, whatever the bot is doing; the node mines them into its
    // next 100 ms block.
    private static async Task FeedAsync(ScenarioChain chain, MinedFills mined, List<string> tickers, int fills, long started)
    {
        using var ticks = new PeriodicTimer(TimeSpan.FromMilliseconds(5));
        for (var next = 0; next < fills;)
        {
            for (var now = Stopwatch.GetTimestamp(); next < fills && SoakFills.Due(started, next) <= now; next++)
                mined.Submitted(chain.Trades.Take("t" + tickers[next % tickers.Count], Direction.Sell, 1m, 100m), SoakFills.Due(started, next));
            await ticks.WaitForNextTickAsync().ConfigureAwait(false);
        }
    }

    private static void Say(string line)
    {
        Console.Out.WriteLine(line);
        Console.Out.Flush();
    }
}
