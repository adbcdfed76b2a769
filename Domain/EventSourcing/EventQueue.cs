using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// The chain events waiting to become trades (<c>event_queue</c>), inside the caller's transaction.
/// A re-delivered <c>(tx_hash, log_index)</c> is dropped, even after it was processed.
/// </summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Named after its table, event_queue.")]
public sealed class EventQueue
{
    private const string Columns = "id, tx_hash, log_index, block_number, block_timestamp, event_data, processed, created_at, processed_at, error";

    /// <summary>The error of a dead letter whose data is not valid JSON.</summary>
    public const string InvalidJson = "event_data is not valid JSON";

    // Data up to this many UTF-8 bytes is checked on the stack; a longer one in a rented buffer.
    private const int StackBytes = 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly UnitOfWork unit;

    internal EventQueue(UnitOfWork unit) => this.unit = unit;

    /// <summary>
    /// Adds the event unless its <c>(tx_hash, log_index)</c> is known; <c>true</c> when it was added. Data that is
    /// not valid JSON (the table's check) is kept as a dead letter, wrapped in <c>{"invalid_event_data": …}</c>:
    /// never dropped, never converted. Any other broken constraint throws.
    /// </summary>
    public bool Enqueue(ChainEvent chainEvent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(chainEvent);
        var valid = IsJson(chainEvent.EventData);
        // ON CONFLICT ignores only the known (tx_hash, log_index): a broken constraint of any other kind throws.
        using var insert = unit.Statement("""
            INSERT INTO event_queue (tx_hash, log_index, block_number, event_data, created_at, block_timestamp, processed, processed_at, error)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (tx_hash, log_index) DO NOTHING
            """);
        return insert.Bind(1, chainEvent.TxHash).Bind(2, chainEvent.LogIndex).Bind(3, chainEvent.BlockNumber)
            .Bind(4, valid ? chainEvent.EventData : Wrapped(chainEvent.EventData))
            .Bind(5, now).Bind(6, chainEvent.BlockTimestamp)
            .Bind(7, valid ? 0 : 1).Bind(8, valid ? (DateTimeOffset?)null : now).Bind(9, valid ? null : InvalidJson)
            .Execute() == 1;
    }

    // Read to its end without building a document: every fill is checked as it is queued. Transcoded as
    // JsonDocument.Parse(string) does, strictly: text that is not UTF-16 throws rather than turning into U+FFFD.
    private static bool IsJson(string data)
    {
        var most = StrictUtf8.GetMaxByteCount(data.Length);
        var rented = most > StackBytes ? ArrayPool<byte>.Shared.Rent(most) : null;
        try
        {
            Span<byte> room = rented is null ? stackalloc byte[StackBytes] : rented;
            var reader = new Utf8JsonReader(room[..StrictUtf8.GetBytes(data, room)]);
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
        finally
        {
            if (rented is not null)
                ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Data that is not JSON, kept whole as the one string of a JSON object.</summary>
    private static string Wrapped(string data)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("invalid_event_data", data);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The first unprocessed row in chain order (block, then log index), or <c>null</c>.</summary>
    public QueuedEvent? PeekNext() => PeekNext(_ => true, limit: 1, count: 1) is [var row] ? row : null;

    /// <summary>
    /// The first <paramref name="count"/> unprocessed rows in chain order that <paramref name="take"/> accepts,
    /// among the first <paramref name="limit"/>; rows are read one by one, only as far as needed.
    /// </summary>
    public IReadOnlyList<QueuedEvent> PeekNext(Func<QueuedEvent, bool> take, int limit, int count)
    {
        ArgumentNullException.ThrowIfNull(take);
        using var select = unit.Statement($"SELECT {Columns} FROM event_queue WHERE processed = 0 ORDER BY block_number, log_index LIMIT ?1");
        select.Bind(1, limit);
        var taken = new List<QueuedEvent>(Math.Min(count, limit));
        while (taken.Count < count && select.Step())
        {
            var row = ReadRow(select);
            if (take(row))
                taken.Add(row);
        }

        return taken;
    }

    public void MarkProcessed(long id, DateTimeOffset now) => Finish(id, now, error: null);

    /// <summary>Marks a row that can never be converted as processed, keeping why: it must not block the queue.</summary>
    public void DeadLetter(long id, string error, DateTimeOffset now) => Finish(id, now, error);

    /// <summary>The highest processed block, where a backfill resumes (+1); <c>null</c> when nothing was processed.</summary>
    public long? LastProcessedBlock()
    {
        using var select = unit.Statement("SELECT MAX(block_number) FROM event_queue WHERE processed = 1");
        return select.ScalarInt64();
    }

    /// <summary>Every row in insertion order.</summary>
    public IReadOnlyList<QueuedEvent> All()
    {
        using var select = unit.Statement($"SELECT {Columns} FROM event_queue ORDER BY id");
        var rows = new List<QueuedEvent>();
        while (select.Step())
            rows.Add(ReadRow(select));
        return rows;
    }

    private void Finish(long id, DateTimeOffset now, string? error)
    {
        using var update = unit.Statement("UPDATE event_queue SET processed = 1, processed_at = ?2, error = ?3 WHERE id = ?1");
        update.Bind(1, id).Bind(2, now).Bind(3, error).Execute();
    }

    private static QueuedEvent ReadRow(PreparedStatement row) =>
        new(
            row.Int64(0),
            new ChainEvent(
                row.Text(1),
                row.Int64(2),
                row.Int64(3),
                row.IsNull(4) ? null : Rfc3339.Parse(row.Text(4)),
                row.Text(5)),
            row.Int64(6) == 1,
            Rfc3339.Parse(row.Text(7)),
            row.IsNull(8) ? null : Rfc3339.Parse(row.Text(8)),
            row.OptionalText(9));
}
