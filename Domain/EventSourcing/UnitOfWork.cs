using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// One SQLite transaction: every event, view update, lease change and queue mark of one step commits
/// together or not at all. Disposing without <see cref="Commit"/> rolls everything back.
/// </summary>
public sealed class UnitOfWork : IDisposable
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;

    private readonly SqliteDatabase database;
    private readonly StoreConnection connection;
    private readonly SqliteTransaction transaction;
    private readonly ArrayBufferWriter<byte> buffer = new(512);
    private readonly Utf8JsonWriter json;
    private readonly bool write;
    private readonly bool turn;
    private readonly Dictionary<(string Type, string Id), object> seen = [];
    private readonly List<Action> onCommit = [];
    private bool finished;

    internal UnitOfWork(SqliteDatabase database, StoreConnection connection, bool write, bool turn)
    {
        this.database = database;
        this.turn = turn;
        this.connection = connection;
        this.write = write;
        transaction = connection.Connection.BeginTransaction(deferred: !write);
        json = new Utf8JsonWriter(buffer);
        SymbolLocks = new SymbolLocks(this);
        EventQueue = new EventQueue(this);
    }

    public SymbolLocks SymbolLocks { get; }

    public EventQueue EventQueue { get; }

    /// <summary>
    /// The aggregate as of this transaction. Replays only the events appended since the version the
    /// database last saw (all of them the first time), and each aggregate once per unit of work.
    /// </summary>
    public LoadedAggregate<TState> Load<TState, TEvent>(IAggregate<TState, TEvent> aggregate, string aggregateId)
        where TState : class
    {
        if (seen.TryGetValue((aggregate.AggregateType, aggregateId), out var known) && known is LoadedAggregate<TState> current)
            return current; // a transaction sees no one else's appends, and its own are in seen already
        var empty = new LoadedAggregate<TState>(aggregate.AggregateType, aggregateId, new Lifecycle<TState>.Uninitialized(), 0);
        var cached = database.Cache.Find<TState>(aggregate.AggregateType, aggregateId);
        var loaded = (cached is null ? null : Replay(aggregate, cached)) ?? Replay(aggregate, empty)!;
        seen[(aggregate.AggregateType, aggregateId)] = loaded;
        database.Cache.Keep(loaded); // read from the store, not appended here: committed
        return loaded;
    }

    /// <summary>
    /// Loads, decides and appends. A lost race (<see cref="ConcurrencyConflictException"/>) reloads and
    /// decides once more with the fresh state; a second conflict is thrown.
    /// </summary>
    public Decision<TEvent, TError> Execute<TState, TEvent, TError>(
        IAggregate<TState, TEvent> aggregate, string aggregateId, Func<TState?, Decision<TEvent, TError>> decide)
        where TState : class
    {
        var loaded = Load(aggregate, aggregateId);
        for (var attempt = 1; ; attempt++)
        {
            var decision = decide(loaded.State);
            if (decision is not Decision<TEvent, TError>.Accepted { Events.Count: > 0 } accepted)
                return decision;
            try
            {
                Append(aggregate, loaded, accepted.Events);
                return decision;
            }
            catch (ConcurrencyConflictException) when (attempt == 1)
            {
                seen.Remove((aggregate.AggregateType, aggregateId));
                loaded = Load(aggregate, aggregateId);
            }
        }
    }

    /// <summary>Appends at <c>Version + 1…</c> and updates the view; the PK refuses a stale version.</summary>
    public LoadedAggregate<TState> Append<TState, TEvent>(
        IAggregate<TState, TEvent> aggregate, LoadedAggregate<TState> current, IReadOnlyList<TEvent> events)
        where TState : class
    {
        if (events.Count == 0)
            return current;
        var lifecycle = current.Lifecycle;
        foreach (var @event in events)
            lifecycle = lifecycle.Apply(aggregate, @event);
        if (lifecycle is Lifecycle<TState>.Failed failed)
            throw new InvalidOperationException($"A decider produced events that do not apply to {current.AggregateType}/{current.AggregateId}: {failed.Error}");

        InsertEvents(aggregate, current, events);
        var appended = current with { Lifecycle = lifecycle, Version = current.Version + events.Count };
        if (aggregate.ViewTable is { } view && lifecycle is Lifecycle<TState>.Live live)
            UpsertView(aggregate, view, appended.AggregateId, appended.Version, live.State);
        seen[(appended.AggregateType, appended.AggregateId)] = appended;
        onCommit.Add(() => database.Cache.Keep(appended));
        return appended;
    }

    /// <summary>Every event in global (rowid) order.</summary>
    public IReadOnlyList<RecordedEvent> ReadEventLog()
    {
        var command = Command("SELECT rowid, aggregate_type, aggregate_id, sequence, event_type, payload FROM events ORDER BY rowid");
        var events = new List<RecordedEvent>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            events.Add(new RecordedEvent(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4), reader.GetString(5)));
        return events;
    }

    /// <summary>The ids of a view's rows that satisfy a condition on its columns, in the given order.</summary>
    public IReadOnlyList<string> QueryViewIds(string viewTable, string condition, string orderBy)
    {
        if (!viewTable.EndsWith("_view", StringComparison.Ordinal) || !viewTable.All(character => char.IsAsciiLetterLower(character) || character == '_'))
            throw new ArgumentException($"'{viewTable}' is not a view table.", nameof(viewTable));
        var command = Command($"SELECT view_id FROM {viewTable} WHERE {condition} ORDER BY {orderBy}");
        var ids = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            ids.Add(reader.GetString(0));
        return ids;
    }

    /// <summary>
    /// The next free numeric aggregate id (1, 2, 3…) of a type, e.g. the next <c>ExecutionId</c>;
    /// allocated inside the transaction that creates the aggregate, so two writers never share one.
    /// A writer reads only the events written since the database's last allocation (by rowid: events
    /// are only ever appended), not every creation event of the type.
    /// </summary>
    public long NextNumericId(string aggregateType)
    {
        var known = (write ? database.Cache.FindNumericId(aggregateType) : null) ?? new NumericIdWatermark(0, 0);
        var latest = Command("SELECT MAX(rowid) FROM events").ExecuteScalar() is long rowId ? rowId : 0;
        var command = Command("SELECT MAX(CAST(aggregate_id AS INTEGER)) FROM events WHERE rowid > $since AND rowid <= $latest AND +aggregate_type = $type AND sequence = 1");
        command.Parameters.AddWithValue("$since", known.SeenRowId);
        command.Parameters.AddWithValue("$latest", latest);
        command.Parameters.AddWithValue("$type", aggregateType);
        var highest = Math.Max(known.MaxId, command.ExecuteScalar() is long id ? id : 0);
        onCommit.Add(() => database.Cache.Keep(aggregateType, new NumericIdWatermark(highest, latest)));
        return highest + 1;
    }

    public void Commit()
    {
        transaction.Commit();
        finished = true;
        foreach (var publish in onCommit)
            publish();
    }

    public void Dispose()
    {
        try
        {
            if (!finished)
                transaction.Rollback();
            transaction.Dispose();
            json.Dispose();
            database.Return(connection);
        }
        finally
        {
            if (turn)
                database.Gate.Leave();
        }
    }

    internal SqliteCommand Command(string sql) => connection.Command(sql, transaction);

    // From a known version on: its own row must be there (else null: this snapshot is older), then every later event.
    private LoadedAggregate<TState>? Replay<TState, TEvent>(IAggregate<TState, TEvent> aggregate, LoadedAggregate<TState> start)
        where TState : class
    {
        var command = Command("SELECT sequence, event_type, payload FROM events WHERE aggregate_type = $type AND aggregate_id = $id AND sequence >= $from ORDER BY sequence");
        command.Parameters.AddWithValue("$type", aggregate.AggregateType);
        command.Parameters.AddWithValue("$id", start.AggregateId);
        command.Parameters.AddWithValue("$from", start.Version);
        var (lifecycle, version) = (start.Lifecycle, start.Version);
        using var reader = command.ExecuteReader();
        if (start.Version > 0 && !(reader.Read() && reader.GetInt64(0) == start.Version))
            return null;
        while (reader.Read())
        {
            version = reader.GetInt64(0);
            lifecycle = lifecycle.Apply(aggregate, ReadEvent(aggregate, reader.GetString(1), reader.GetString(2)));
        }

        return start with { Lifecycle = lifecycle, Version = version };
    }

    private void InsertEvents<TState, TEvent>(IAggregate<TState, TEvent> aggregate, LoadedAggregate<TState> current, IReadOnlyList<TEvent> events)
        where TState : class
    {
        var command = Command(InsertSql(events.Count));
        command.Parameters.AddWithValue("$type", aggregate.AggregateType);
        command.Parameters.AddWithValue("$id", current.AggregateId);
        for (var index = 0; index < events.Count; index++)
        {
            var name = aggregate.EventName(events[index]);
            command.Parameters.AddWithValue($"$s{index}", current.Version + index + 1);
            command.Parameters.AddWithValue($"$e{index}", $"{aggregate.AggregateType}Event::{name}");
            command.Parameters.AddWithValue($"$p{index}", WriteTagged(name, writer => aggregate.WriteEvent(writer, events[index])));
        }

        try
        {
            command.ExecuteNonQuery();
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == SqliteConstraint && exception.SqliteExtendedErrorCode == SqliteConstraintPrimaryKey)
        {
            throw new ConcurrencyConflictException(aggregate.AggregateType, current.AggregateId, current.Version, exception);
        }
    }

    // One multi-row statement, so a conflict on any row leaves none of them behind.
    private static string InsertSql(int count)
    {
        var sql = new StringBuilder("INSERT INTO events (aggregate_type, aggregate_id, sequence, event_type, event_version, payload, metadata) VALUES ");
        for (var index = 0; index < count; index++)
            sql.Append(CultureInfo.InvariantCulture, $"{(index == 0 ? "" : ", ")}($type, $id, $s{index}, $e{index}, '1.0', $p{index}, '{{}}')");
        return sql.ToString();
    }

    private void UpsertView<TState, TEvent>(IAggregate<TState, TEvent> aggregate, string view, string id, long version, TState state)
        where TState : class
    {
        var command = Command($"INSERT INTO {view} (view_id, version, payload) VALUES ($id, $version, $payload) ON CONFLICT (view_id) DO UPDATE SET version = excluded.version, payload = excluded.payload");
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$version", version);
        command.Parameters.AddWithValue("$payload", WriteTagged("Live", writer => aggregate.WriteView(writer, state)));
        command.ExecuteNonQuery();
    }

    private string WriteTagged(string tag, Action<Utf8JsonWriter> writeBody)
    {
        buffer.ResetWrittenCount();
        json.Reset(buffer);
        json.WriteStartObject();
        json.WritePropertyName(tag);
        writeBody(json);
        json.WriteEndObject();
        json.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static TEvent ReadEvent<TState, TEvent>(IAggregate<TState, TEvent> aggregate, string eventType, string payload)
        where TState : class
    {
        using var document = JsonDocument.Parse(payload);
        var tagged = document.RootElement.EnumerateObject().SingleOrDefault();
        if (tagged.Value.ValueKind == JsonValueKind.Undefined || eventType != $"{aggregate.AggregateType}Event::{tagged.Name}")
            throw new JsonException($"Event {eventType} has a payload tagged '{tagged.Name}': {payload}");
        return aggregate.ReadEvent(tagged.Name, tagged.Value);
    }
}
