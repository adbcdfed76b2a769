using System.Diagnostics;
using TradingBot.Acceptance.Domain.Execution;

namespace TradingBot.Benchmarks.Soak;

/// <summary>
/// The bot's side of the soak's bookkeeping: the broker orders that hedged the fills. Fill <c>i</c> sells one share
/// of symbol <c>i mod symbols</c>, so an order of <c>n</c> shares covers its symbol's <c>n</c> oldest fills not yet
/// covered, and the fill is hedged when the broker receives that order. Matched at the end with the node's side
/// (<see cref="MinedFills"/>: when each fill's confirming block was mined). Held in arrays taken at the start, so
/// that the bookkeeping does not grow the memory the soak measures.
/// </summary>
public sealed class ConfirmedFills
{
    private readonly Dictionary<string, int> symbols;
    private readonly long[] arrived;
    private readonly int[] covered;
    private readonly Lock gate = new();
    private int sharesReceived;
    private int extraShares;

    /// <param name="tickers">The symbols in rotation: fill <c>i</c> is of <c>tickers[i mod count]</c>.</param>
    public ConfirmedFills(IReadOnlyList<string> tickers, int fills)
    {
        ArgumentNullException.ThrowIfNull(tickers);
        symbols = tickers.Select((ticker, index) => (ticker, index)).ToDictionary(pair => pair.ticker, pair => pair.index, StringComparer.Ordinal);
        (arrived, covered) = (new long[fills], new int[tickers.Count]);
        Array.Fill(arrived, 0L); // every page written now, not as the run goes
    }

    /// <summary>The shares of every order received so far: one per fill once every fill is hedged.</summary>
    public int SharesReceived => Volatile.Read(ref sharesReceived);

    /// <summary>The broker received <paramref name="order"/> at <paramref name="at"/> (a <see cref="Stopwatch"/> timestamp).</summary>
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
    /// Each covered fill's scheduled time, its confirming block's mining, its order's arrival at the broker and its latency
    /// from mining to arrival (in submission order), given the node's side of each fill, and the shares ordered beyond the
    /// fills they could cover (an order doubled). Called once the feeding is over.
    /// </summary>
    public (List<(long Scheduled, long Confirmed, long Arrived, TimeSpan Latency)> Latencies, int ExtraShares) Match(long[] scheduled, long[] confirmed)
    {
        ArgumentNullException.ThrowIfNull(scheduled);
        ArgumentNullException.ThrowIfNull(confirmed);
        lock (gate)
        {
            var latencies = new List<(long, long, long, TimeSpan)>(scheduled.Length);
            for (var fill = 0; fill < scheduled.Length && fill < arrived.Length; fill++)
            {
                if (arrived[fill] != 0 && confirmed[fill] != 0)
                    latencies.Add((scheduled[fill], confirmed[fill], arrived[fill], Stopwatch.GetElapsedTime(confirmed[fill], arrived[fill])));
            }

            return (latencies, extraShares);
        }
    }
}
