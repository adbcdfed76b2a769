using System.Collections.Concurrent;
using System.Diagnostics;
using TradingBot.Acceptance.Support.Chain;

namespace TradingBot.Benchmarks.Soak;

/// <summary>
/// The node's side of the soak's bookkeeping: when each fill fell due, the block that mined it, and when each block
/// was mined, so that a fill's latency can run from the mining of the block that confirms it (its own block plus the
/// confirmations): before that the bot must not act on it, so the wait for blocks is the chain's pace, not the bot's.
/// The block of each fill is noted as the node mines it, since the node forgets old blocks; the arrays are taken
/// at the start, so that the bookkeeping does not grow as the run goes.
/// </summary>
public sealed class MinedFills
{
    private readonly SimulatedChain chain;
    private readonly long[] scheduled;
    private readonly long[] blocks;
    private readonly Dictionary<string, int> unmined = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, long> minedFirst = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<long, long> minedAt = new();
    private readonly Lock gate = new();
    private int submitted;

    public MinedFills(SimulatedChain chain, int fills)
    {
        this.chain = chain;
        (scheduled, blocks) = (new long[fills], new long[fills]);
        Array.Fill(blocks, -1L); // every page written now, not as the run goes
        Array.Fill(scheduled, 0L);
    }

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

    /// <summary>
    /// Each submitted fill's due time and the time its confirming block was mined (0 when it was not mined, or not
    /// confirmed yet), written as a count and pairs of timestamps.
    /// </summary>
    public void WriteTo(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        lock (gate)
        {
            writer.Write(submitted);
            for (var fill = 0; fill < submitted; fill++)
            {
                writer.Write(scheduled[fill]);
                writer.Write(blocks[fill] >= 0 && minedAt.TryGetValue(blocks[fill] + SoakFills.Confirmations, out var confirmed) ? confirmed : 0L);
            }
        }
    }

    /// <summary>What <see cref="WriteTo"/> wrote: per fill, its due time and its confirming block's mining time.</summary>
    public static (long[] Scheduled, long[] Confirmed) ReadFrom(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var count = reader.ReadInt32();
        var (scheduled, confirmed) = (new long[count], new long[count]);
        for (var fill = 0; fill < count; fill++)
            (scheduled[fill], confirmed[fill]) = (reader.ReadInt64(), reader.ReadInt64());
        return (scheduled, confirmed);
    }
}
