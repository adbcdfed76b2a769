using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>The statement texts of event rows and view rows, built once, and how a stored event row is read back.</summary>
internal static class EventRowSql
{
    // The statements for 0…7 events at once, built once (the text is the key of the prepared statement).
    private static readonly string[] InsertSqls = [.. Enumerable.Range(0, 8).Select(BuildInsertSql)];

    // The update and the insert of each view table, built once instead of on every write.
    private static readonly ConcurrentDictionary<string, string> UpdateViewSqls = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string> InsertViewSqls = new(StringComparer.Ordinal);

    /// <summary>One multi-row statement for <paramref name="count"/> events of one aggregate, so a conflict on any row leaves none behind.</summary>
    public static string InsertEvents(int count) => count < InsertSqls.Length ? InsertSqls[count] : BuildInsertSql(count);

    public static string UpdateView(string view) => UpdateViewSqls.GetOrAdd(view, static table =>
        $"UPDATE {table} SET version = ?2, payload = ?3 WHERE view_id = ?1");

    public static string InsertView(string view) => InsertViewSqls.GetOrAdd(view, static table =>
        $"INSERT INTO {table} (view_id, version, payload) VALUES (?1, ?2, ?3)");

    /// <summary>Room for an <c>event_type</c> of up to a hundred characters or so, encoded.</summary>
    public const int MaxEventTypeBytes = 256;

    /// <summary>
    /// <c>event_type</c>, <c>{Aggregate}Event::{Name}</c> (§3), as UTF-8 in <paramref name="room"/>: bound as it
    /// is, without making a string per event.
    /// </summary>
    public static ReadOnlySpan<byte> EventType(string aggregateType, string name, Span<byte> room) =>
        Utf8.TryWrite(room, CultureInfo.InvariantCulture, $"{aggregateType}Event::{name}", out var written)
            ? room[..written]
            : Encoding.UTF8.GetBytes($"{aggregateType}Event::{name}");

    /// <summary>
    /// A stored event from its row's <c>event_type</c> and payload as UTF-8: a replay may read thousands (the open
    /// orders an aggregate cache has dropped), with no string made per row.
    /// </summary>
    public static TEvent ReadEvent<TState, TEvent>(IAggregate<TState, TEvent> aggregate, ReadOnlySpan<byte> eventType, ReadOnlySpan<byte> payload)
        where TState : class
    {
        var copy = ArrayPool<byte>.Shared.Rent(payload.Length); // the document reads memory, not a span
        try
        {
            payload.CopyTo(copy);
            using var document = JsonDocument.Parse(copy.AsMemory(0, payload.Length));
            if (!EventPayload.TryUntag(document.RootElement, out var tagged))
                throw new JsonException($"An event payload holds one tagged object, not: {Encoding.UTF8.GetString(payload)}");
            if (!eventType.SequenceEqual(EventType(aggregate.AggregateType, tagged.Name, stackalloc byte[MaxEventTypeBytes])))
                throw new JsonException($"Event {Encoding.UTF8.GetString(eventType)} has a payload tagged '{tagged.Name}': {Encoding.UTF8.GetString(payload)}");
            return aggregate.ReadEvent(tagged.Name, tagged.Value);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    private static string BuildInsertSql(int count)
    {
        var sql = new StringBuilder("INSERT INTO events (aggregate_type, aggregate_id, sequence, event_type, event_version, payload, metadata) VALUES ");
        for (var index = 0; index < count; index++)
            sql.Append(CultureInfo.InvariantCulture, $"{(index == 0 ? "" : ", ")}(?1, ?2, ?{3 + (3 * index)}, ?{4 + (3 * index)}, '1.0', ?{5 + (3 * index)}, '{{}}')");
        return sql.ToString();
    }
}
