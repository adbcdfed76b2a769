namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// What the chain reader writes besides queued fills, inside the caller's transaction: the per-orderbook checkpoint
/// (only ever raised), skipped fills, and dead letters for logs that never become a queue entry to convert.
/// </summary>
public sealed class ChainIngestion(UnitOfWork unit)
{
    /// <summary>The last block read completely, or null before the first.</summary>
    public long? Checkpoint(string orderbook)
    {
        using var select = unit.Statement("SELECT block_number FROM chain_checkpoint WHERE orderbook = ?1");
        return select.Bind(1, orderbook.ToLowerInvariant()).ScalarInt64();
    }

    /// <summary>Raises the checkpoint to <paramref name="blockNumber"/>; a lower one leaves it as it is.</summary>
    public void Advance(string orderbook, long blockNumber, DateTimeOffset now)
    {
        using var upsert = unit.Statement("""
            INSERT INTO chain_checkpoint (orderbook, block_number, updated_at) VALUES (?1, ?2, ?3)
            ON CONFLICT (orderbook) DO UPDATE SET block_number = excluded.block_number, updated_at = excluded.updated_at
            WHERE excluded.block_number > chain_checkpoint.block_number
            """);
        upsert.Bind(1, orderbook.ToLowerInvariant()).Bind(2, blockNumber).Bind(3, now).Execute();
    }

    /// <summary>Records a skipped fill once per <c>(tx_hash, log_index)</c>; <c>true</c> when it was new.</summary>
    public bool Skip(string txHash, long logIndex, long blockNumber, string reason, string detail, DateTimeOffset now)
    {
        using var insert = unit.Statement("""
            INSERT INTO skipped_fills (tx_hash, log_index, block_number, reason, detail, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            ON CONFLICT DO NOTHING
            """);
        return insert.Bind(1, txHash).Bind(2, logIndex).Bind(3, blockNumber).Bind(4, reason).Bind(5, detail).Bind(6, now).Execute() == 1;
    }

    /// <summary>
    /// A log that cannot be read becomes a queue row already processed with its error (a dead letter, §10), unless the
    /// queue holds that <c>(tx_hash, log_index)</c> already; <c>true</c> when it was new.
    /// </summary>
    public bool DeadLetter(ChainEvent chainEvent, string error, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(chainEvent);
        if (!unit.EventQueue.Enqueue(chainEvent, now))
            return false;
        using var update = unit.Statement("UPDATE event_queue SET processed = 1, processed_at = ?3, error = ?4 WHERE tx_hash = ?1 AND log_index = ?2");
        update.Bind(1, chainEvent.TxHash).Bind(2, chainEvent.LogIndex).Bind(3, now).Bind(4, error).Execute();
        return true;
    }

    /// <summary>The skipped fills, oldest first: (tx hash, log index, reason).</summary>
    public IReadOnlyList<(string TxHash, long LogIndex, string Reason)> SkippedFills()
    {
        using var select = unit.Statement("SELECT tx_hash, log_index, reason FROM skipped_fills ORDER BY block_number, log_index");
        var rows = new List<(string, long, string)>();
        while (select.Step())
            rows.Add((select.Text(0), select.Int64(1), select.Text(2)));
        return rows;
    }
}
