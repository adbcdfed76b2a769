using System.Collections.Concurrent;
using System.Diagnostics;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Support.Chain;

namespace TradingBot.Benchmarks.Soak;

/// <summary>
/// The soak's fills on the simulated node and the broker orders that hedged them. Fill <c>i</c> sells one share of
/// symbol <c>i mod symbols</c>, so an order of <c>n</c> shares covers its symbol's <c>n</c> oldest fills not yet
/// covered. A fill's latency runs from the mining of the block that confirms it (its own block plus the
/// confirmations): before that the bot must not act on it, so the wait for blocks is the chain's pace, not the bot's.
/// Everything is held in arrays taken at the start, so that the soak's own bookkeeping does not grow the memory it
/// measures; the block of each fill is noted as the node mines it, since the node forgets old blocks.
/// </summary>
public sealed class ConfirmedFills
{
    private readonly SimulatedChain chain;
    private readonly int confirmations;
    private readonly Dictionary<string, int> symbols;
    private readonly long[] scheduled;
    private readonly long[] blocks;
    private readonly long[] arrived;
    private readonly int[] covered;
    private readonly Dictionary<string, int> unmined = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, long> minedFirst = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<long, long> minedAt = new();
    private readonly Lock gate = new();
    private int submitted;
    private int sharesReceived;
    private int extraShares;

    /// <param name="tickers">The symbols in rotation: fill <c>i</c> is of <c>tickers[i mod count]</c>.</param>
    public ConfirmedFills(SimulatedChain chain, int confirmations, IReadOnlyList<string> tickers, int fills)
    {
        ArgumentNullException.ThrowIfNull(tickers);
        this.chain = chain;
        this.confirmations = confirmations;
        symbols = tickers.Select((ticker, index) => (ticker, index)).ToDictionary(pair => pair.ticker, pair => pair.index, StringComparer.Ordinal);
        (scheduled, blocks, arrived, covered) = (new long[fills], new long[fills], new long[fills], new int[tickers.Count]);
        Array.Fill(blocks, -1L); // every page written now, not as the run goes
        Array.Fill(scheduled, 0L);
        Array.Fill(arrived, 0L);
    }

    /// <summary>The shares of every order received so far: one per fill once every fill is hedged.</summary>
    public int SharesReceived => Volatile.Read(ref sharesReceived);

    /// <summary>The next fill, on the feeding thread, scheduled at <paramref name="due"/> (a <see cref="Stopwatch"/> timestamp), was submitted.</summary>
    public void Submitted(string txHash, long due)
    {
        lock (gate)
        {
            var fill = submitted++;
            scheduled[fill] = due;
            if (minedFirst.Remove(txHash, out var block))
                blocks[fill] = block;
            else
                unmined[txHash] = fill;
        }
    }

    /// <summary>The node mined block <paramref name="number"/> now (called before it pushes the block).</summary>
    public void Mined(long number)
    {
        minedAt[number] = Stopwatch.GetTimestamp();
        if (chain.Block(number) is not { } block)
            return;
        lock (gate)
        {
            foreach (var txHash in block.Logs.Select(log => log.TransactionHash!).Distinct())
            {
                if (unmined.Remove(txHash, out var fill))
                    blocks[fill] = number;
                else
                    minedFirst[txHash] = number; // mined before the feeder noted it
            }
        }
    }

    /// <summary>The broker received <paramref name="order"/> at <paramref name="at"/>.</summary>
    public void Received(MarketOrder order, long at)
    {
        ArgumentNullException.ThrowIfNull(order);
        var shares = order.Shares.Value;
        if (shares != decimal.Truncate(shares) || shares < 1)
            throw new InvalidOperationException($"An order for {shares} {order.Symbol.Value} cannot cover whole one-share fills.");
        var symbol = symbols[order.Symbol.Value];
        lock (gate)
        {
            for (var share = 0; share < (int)shares; share++)
            {
                var fill = symbol + (covered[symbol]++ * (long)covered.Length);
                if (fill < arrived.Length)
                    arrived[fill] = at;
                else
                    extraShares++;
            }
        }

        Interlocked.Add(ref sharesReceived, (int)shares);
    }

    /// <summary>
    /// Each covered fill's scheduled time and latency from its confirming block (in submission order), and the
    /// shares ordered beyond the fills they could cover (an order doubled). Called once the feeding is over.
    /// </summary>
    public (List<(long Scheduled, TimeSpan Latency)> Latencies, int ExtraShares) Match()
    {
        lock (gate)
        {
            var latencies = new List<(long, TimeSpan)>(submitted);
            for (var fill = 0; fill < submitted; fill++)
            {
                if (arrived[fill] != 0 && blocks[fill] >= 0 && minedAt.TryGetValue(blocks[fill] + confirmations, out var confirmed))
                    latencies.Add((scheduled[fill], Stopwatch.GetElapsedTime(confirmed, arrived[fill])));
            }

            return (latencies, extraShares);
        }
    }
}
