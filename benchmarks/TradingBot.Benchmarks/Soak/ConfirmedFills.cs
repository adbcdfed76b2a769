using System.Collections.Concurrent;
using System.Diagnostics;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Support.Chain;

namespace TradingBot.Benchmarks.Soak;

/// <summary>
/// The soak's fills on the simulated node and the broker orders that hedged them. Every fill sells one share, so
/// an order of <c>n</c> shares covers its symbol's <c>n</c> oldest fills not yet covered. A fill's latency runs from
/// the mining of the block that confirms it (its own block plus the confirmations): before that the bot must not
/// act on it, so the wait for blocks is the chain's pace, not the bot's.
/// </summary>
public sealed class ConfirmedFills(int confirmations)
{
    private readonly List<(string Symbol, string TxHash, long Scheduled)> fills = [];
    private readonly ConcurrentDictionary<long, long> minedAt = new();
    private readonly Dictionary<string, Queue<(int Shares, long Arrived)>> orders = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private int sharesReceived;

    /// <summary>The shares of every order received so far: one per fill once every fill is hedged.</summary>
    public int SharesReceived => Volatile.Read(ref sharesReceived);

    /// <summary>A fill of <paramref name="symbol"/>, on the feeding thread, scheduled at <paramref name="scheduled"/> (a <see cref="Stopwatch"/> timestamp) was submitted.</summary>
    public void Submitted(string symbol, string txHash, long scheduled) => fills.Add((symbol, txHash, scheduled));

    /// <summary>The node mined block <paramref name="number"/> now.</summary>
    public void Mined(long number) => minedAt[number] = Stopwatch.GetTimestamp();

    /// <summary>The broker received <paramref name="order"/> at <paramref name="arrived"/>.</summary>
    public void Received(MarketOrder order, long arrived)
    {
        ArgumentNullException.ThrowIfNull(order);
        var shares = order.Shares.Value;
        if (shares != decimal.Truncate(shares) || shares < 1)
            throw new InvalidOperationException($"An order for {shares} {order.Symbol.Value} cannot cover whole one-share fills.");
        lock (gate)
        {
            if (!orders.TryGetValue(order.Symbol.Value, out var received))
                orders[order.Symbol.Value] = received = new Queue<(int, long)>();
            received.Enqueue(((int)shares, arrived));
        }

        Interlocked.Add(ref sharesReceived, (int)shares);
    }

    /// <summary>
    /// Each covered fill's scheduled time and latency from its confirming block (in submission order), and the
    /// shares ordered beyond the fills they could cover (an order doubled). Called once the feeding is over.
    /// </summary>
    public (List<(long Scheduled, TimeSpan Latency)> Latencies, int ExtraShares) Match(SimulatedChain chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        lock (gate)
        {
            var left = orders.ToDictionary(pair => pair.Key, pair => new Queue<(int Shares, long Arrived)>(pair.Value), StringComparer.Ordinal);
            var shares = new Dictionary<string, int>(StringComparer.Ordinal);
            var latencies = new List<(long, TimeSpan)>(fills.Count);
            foreach (var (symbol, txHash, scheduled) in fills)
            {
                if (!left.TryGetValue(symbol, out var queue) || queue.Count == 0
                    || chain.Transaction(txHash) is not { } mined || !minedAt.TryGetValue(mined.Block.Number + confirmations, out var confirmed))
                    continue;
                var (orderShares, arrived) = queue.Peek();
                latencies.Add((scheduled, Stopwatch.GetElapsedTime(confirmed, arrived)));
                shares[symbol] = shares.GetValueOrDefault(symbol) + 1;
                if (shares[symbol] == orderShares)
                {
                    queue.Dequeue();
                    shares[symbol] = 0;
                }
            }

            return (latencies, left.Values.Sum(queue => queue.Sum(order => order.Shares)) - shares.Values.Sum());
        }
    }
}
