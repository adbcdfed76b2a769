using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// The chain events waiting to become trades (<c>event_queue</c>), inside the caller's transaction.
/// A re-delivered <c>(tx_hash, log_index)</c> is dropped, even after it was processed.
/// </summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Named after its table, event_queue.")]
public sealed class EventQueue
{
    private const string Columns = "id, tx_hash, log_index, block_number, block_timestamp, event_data, processed, created_at, processed_at, error";

    private readonly UnitOfWork unit;

    internal EventQueue(UnitOfWork unit) => this.unit = unit;

    /// <summary>Adds the event unless its <c>(tx_hash, log_index)</c> is known; <c>true</c> when it was added.</summary>
    public bool Enqueue(ChainEvent chainEvent, DateTimeOffset now)
    {
        var insert = unit.Command("""
            INSERT OR IGNORE INTO event_queue (tx_hash, log_index, block_number, event_data, created_at, block_timestamp)
            VALUES ($tx_hash, $log_index, $block_number, $event_data, $created_at, $block_timestamp)
            """);
        insert.Parameters.AddWithValue("$tx_hash", chainEvent.TxHash);
        insert.Parameters.AddWithValue("$log_index", chainEvent.LogIndex);
        insert.Parameters.AddWithValue("$block_number", chainEvent.BlockNumber);
        insert.Parameters.AddWithValue("$event_data", chainEvent.EventData);
        insert.Parameters.AddWithValue("$created_at", Rfc3339.Format(now));
        insert.Parameters.AddWithValue("$block_timestamp", chainEvent.BlockTimestamp is { } at ? Rfc3339.Format(at) : DBNull.Value);
        return insert.ExecuteNonQuery() == 1;
    }

    /// <summary>The first unprocessed row in chain order (block, then log index), or <c>null</c>.</summary>
    public QueuedEvent? PeekNext()
    {
        var select = unit.Command($"SELECT {Columns} FROM event_queue WHERE processed = 0 ORDER BY block_number, log_index LIMIT 1");
        using var reader = select.ExecuteReader();
        return reader.Read() ? ReadRow(reader) : null;
    }

    public void MarkProcessed(long id, DateTimeOffset now) => Finish(id, now, error: null);

    /// <summary>Marks a row that can never be converted as processed, keeping why: it must not block the queue.</summary>
    public void DeadLetter(long id, string error, DateTimeOffset now) => Finish(id, now, error);

    /// <summary>The highest processed block, where a backfill resumes (+1); <c>null</c> when nothing was processed.</summary>
    public long? LastProcessedBlock() =>
        unit.Command("SELECT MAX(block_number) FROM event_queue WHERE processed = 1").ExecuteScalar() is long block ? block : null;

    /// <summary>Every row in insertion order.</summary>
    public IReadOnlyList<QueuedEvent> All()
    {
        var select = unit.Command($"SELECT {Columns} FROM event_queue ORDER BY id");
        var rows = new List<QueuedEvent>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
            rows.Add(ReadRow(reader));
        return rows;
    }

    private void Finish(long id, DateTimeOffset now, string? error)
    {
        var update = unit.Command("UPDATE event_queue SET processed = 1, processed_at = $now, error = $error WHERE id = $id");
        update.Parameters.AddWithValue("$id", id);
        update.Parameters.AddWithValue("$now", Rfc3339.Format(now));
        update.Parameters.AddWithValue("$error", (object?)error ?? DBNull.Value);
        update.ExecuteNonQuery();
    }

    private static QueuedEvent ReadRow(SqliteDataReader reader) =>
        new(
            reader.GetInt64(0),
            new ChainEvent(
                reader.GetString(1),
                reader.GetInt64(2),
                reader.GetInt64(3),
                reader.IsDBNull(4) ? null : Rfc3339.Parse(reader.GetString(4)),
                reader.GetString(5)),
            reader.GetInt64(6) == 1,
            Rfc3339.Parse(reader.GetString(7)),
            reader.IsDBNull(8) ? null : Rfc3339.Parse(reader.GetString(8)),
            reader.IsDBNull(9) ? null : reader.GetString(9));
}
