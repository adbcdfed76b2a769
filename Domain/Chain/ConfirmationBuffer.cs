namespace TradingBot.Acceptance.Domain.Chain;

/// <summary>
/// Live logs waiting for their confirmations, in chain order (block, log index). A <c>removed</c> log still
/// waiting is dropped (a reorg absorbed); one already released is a deep reorg the reader cannot undo.
/// </summary>
public sealed class ConfirmationBuffer
{
    private readonly SortedDictionary<(long Block, long Index), ChainLog> waiting = [];
    private readonly Dictionary<(string Tx, long Index), long> released = [];

    /// <summary>The highest block a live log came from.</summary>
    public long HighestSeen { get; private set; } = -1;

    public int Count => waiting.Count;

    public void Add(ChainLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        waiting[(log.BlockNumber!.Value, log.LogIndex!.Value)] = log;
        HighestSeen = Math.Max(HighestSeen, log.BlockNumber.Value);
    }

    /// <summary>Drops a reorged log; <c>false</c> when it had already been released (a deep reorg).</summary>
    public bool Remove(ChainLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var key = (log.BlockNumber!.Value, log.LogIndex!.Value);
        if (waiting.TryGetValue(key, out var buffered) && string.Equals(buffered.TransactionHash, log.TransactionHash, StringComparison.OrdinalIgnoreCase))
        {
            waiting.Remove(key);
            return true;
        }

        return !released.ContainsKey((log.TransactionHash!.ToLowerInvariant(), log.LogIndex.Value));
    }

    /// <summary>Whether the log was pushed: still waiting, or already released.</summary>
    public bool Knows(ChainLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return (waiting.TryGetValue((log.BlockNumber!.Value, log.LogIndex!.Value), out var buffered)
                && string.Equals(buffered.TransactionHash, log.TransactionHash, StringComparison.OrdinalIgnoreCase))
            || released.ContainsKey((log.TransactionHash!.ToLowerInvariant(), log.LogIndex.Value));
    }

    /// <summary>Takes out every log at or below <paramref name="boundary"/>, in chain order.</summary>
    public IReadOnlyList<ChainLog> Release(long boundary)
    {
        var due = waiting.TakeWhile(entry => entry.Key.Block <= boundary).ToList();
        foreach (var (key, log) in due)
        {
            waiting.Remove(key);
            released[(log.TransactionHash!.ToLowerInvariant(), key.Index)] = key.Block;
        }

        return [.. due.Select(entry => entry.Value)];
    }

    /// <summary>Forgets released logs at or below the checkpoint: a reorg that deep is beyond the confirmations.</summary>
    public void Forget(long checkpoint)
    {
        foreach (var key in released.Where(entry => entry.Value <= checkpoint).Select(entry => entry.Key).ToList())
            released.Remove(key);
    }
}
