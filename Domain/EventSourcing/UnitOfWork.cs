using System.Globalization;
using System.Runtime.ExceptionServices;
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
    private readonly bool write;
    private readonly bool turn;
    private readonly bool current;
    private readonly long epoch;
    private readonly UnitBookkeeping book;
    private bool finished;

    /// <param name="current">
    /// The database's cache holds the latest committed state of what it holds (no other connection
    /// wrote since it was last checked), so cached aggregates need no check against the store.
    /// </param>
    internal UnitOfWork(SqliteDatabase database, StoreConnection connection, bool write, bool turn, bool current, long epoch)
    {
        this.database = database;
        this.turn = turn;
        this.connection = connection;
        this.write = write;
        this.current = current;
        this.epoch = epoch;
        book = connection.Book;
        book.Reset();
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
        if (book.TryGetSeen((aggregate.AggregateType, aggregateId), out var known) && known is LoadedAggregate<TState> loadedHere)
            return loadedHere; // a transaction sees no one else's appends, and its own are in seen already
        var cached = database.Cache.Find<TState>(aggregate.AggregateType, aggregateId);
        if (cached is not null && current)
        {
            book.SetSeen((aggregate.AggregateType, aggregateId), cached);
            return cached;
        }

        var empty = new LoadedAggregate<TState>(aggregate.AggregateType, aggregateId, new Lifecycle<TState>.Uninitialized(), 0);
        if (cached is null && IsUnallocated(aggregate.AggregateType, aggregateId))
            return empty; // an id above this transaction's watermark: nothing to read
        var loaded = (cached is null ? null : Replay(aggregate, cached)) ?? Replay(aggregate, empty)!;
        book.SetSeen((aggregate.AggregateType, aggregateId), loaded);
        database.Cache.Keep(loaded, epoch); // read from the store, not appended here: committed
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
                book.ForgetSeen((aggregate.AggregateType, aggregateId));
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
            book.SetPendingView((view, appended.AggregateId), new PendingView<TState, TEvent>(aggregate, view, appended.AggregateId, appended.Version, live.State));
        book.SetSeen((appended.AggregateType, appended.AggregateId), appended); // enters the cache on commit
        if (current.Version == 0)
            NoteCreated(appended.AggregateType, appended.AggregateId);
        return appended;
    }

    /// <summary>Every event after a global position (rowid), in global order: all of them from 0.</summary>
    public IReadOnlyList<RecordedEvent> ReadEventLog(long after = 0)
    {
        using var select = Statement("SELECT rowid, aggregate_type, aggregate_id, sequence, event_type, payload FROM events WHERE rowid > ?1 ORDER BY rowid")
            .Bind(1, after);
        var events = new List<RecordedEvent>();
        while (select.Step())
            events.Add(new RecordedEvent(select.Int64(0), select.Text(1), select.Text(2), select.Int64(3), select.Text(4), select.Text(5)));
        return events;
    }

    /// <summary>The ids of a view's rows that satisfy a condition on its columns, in the given order.</summary>
    public IReadOnlyList<string> QueryViewIds(string viewTable, string condition, string orderBy)
    {
        if (!viewTable.EndsWith("_view", StringComparison.Ordinal) || !viewTable.All(character => char.IsAsciiLetterLower(character) || character == '_'))
            throw new ArgumentException($"'{viewTable}' is not a view table.", nameof(viewTable));
        WriteViews();
        using var select = Statement($"SELECT view_id FROM {viewTable} WHERE {condition} ORDER BY {orderBy}");
        var ids = new List<string>();
        while (select.Step())
            ids.Add(select.Text(0));
        return ids;
    }

    /// <summary>
    /// The next free numeric aggregate id (1, 2, 3…) of a type, e.g. the next <c>ExecutionId</c>;
    /// allocated inside the transaction that creates the aggregate, so two writers never share one.
    /// A writer reads only the events written since the database's last allocation (by rowid: events
    /// are only ever appended), not every creation event of the type, and none at all when nobody
    /// else has written since (the aggregates it created since are noted as they are appended).
    /// </summary>
    public long NextNumericId(string aggregateType)
    {
        if (!book.TryGetNumericId(aggregateType, out var known))
        {
            var cached = write ? database.Cache.FindNumericId(aggregateType) : null;
            known = cached is not null && current ? cached : ScanNumericIds(aggregateType, cached ?? new NumericIdWatermark(0, 0));
            book.SetNumericId(aggregateType, known); // enters the cache on commit
        }

        return known.MaxId + 1;
    }

    public void Commit()
    {
        WriteViews();
        connection.Commit();
        finished = true;
        if (write)
            database.Committed();
        book.Publish(database.Cache, epoch);
    }

    /// <summary>
    /// Starts one item of a unit that several items share: dispose the result without
    /// <see cref="UnitSavepoint.Complete"/> and only this item's writes are undone, in the store and in
    /// what the unit remembers.
    /// </summary>
    public UnitSavepoint Savepoint()
    {
        ObjectDisposedException.ThrowIf(finished, this);
        using (var begin = Statement("SAVEPOINT item"))
            begin.Execute();
        return new UnitSavepoint(this, book.BeginSavepoint());
    }

    /// <summary>
    /// Records each item in a savepoint of its own (<see cref="Savepoint"/>): the results of the items that
    /// completed, in order, and the first exception of one that did not. After a failure the later items are
    /// recorded only with <paramref name="continueAfterFailure"/>. The caller commits, then rethrows.
    /// </summary>
    public (List<TResult> Completed, ExceptionDispatchInfo? Failure) EachInSavepoint<TItem, TResult>(
        IEnumerable<TItem> items, Func<TItem, TResult> record, bool continueAfterFailure)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(record);
        var completed = new List<TResult>();
        ExceptionDispatchInfo? failure = null;
        foreach (var item in items)
        {
            try
            {
                using var savepoint = Savepoint();
                var result = record(item);
                savepoint.Complete();
                completed.Add(result);
            }
            catch (Exception exception)
            {
                failure ??= ExceptionDispatchInfo.Capture(exception);
                if (!continueAfterFailure)
                    break;
            }
        }

        return (completed, failure);
    }

    public void Dispose()
    {
        try
        {
            if (!finished)
                connection.Rollback();
            database.Return(connection);
        }
        finally
        {
            if (turn)
                database.Gate.Leave();
        }
    }

    internal PreparedStatement Statement(string sql) => connection.Statement(sql);

    // A view row is written once per unit with the aggregate's last state (an aggregate may change several
    // times in one unit), before anything reads views, at the end of each item and before the commit: an
    // item's view rows are its own writes, so their failure rolls back that item alone.
    private void WriteViews()
    {
        foreach (var write in book.TakePendingViews())
            write.Write(this);
    }

    // Inside a write unit that allocated ids of this type, an id above the watermark was never created.
    private bool IsUnallocated(string aggregateType, string aggregateId) =>
        write && book.TryGetNumericId(aggregateType, out var known)
        && long.TryParse(aggregateId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > known.MaxId;

    internal void ReleaseSavepoint(UnitBookkeeping.Mark mark)
    {
        WriteViews();
        using (var release = Statement("RELEASE item"))
            release.Execute();
        book.EndSavepoint(mark, keep: true);
    }

    // SQLite may have ended the whole transaction itself (after some errors): then there is nothing to roll back to.
    internal void RollBackSavepoint(UnitBookkeeping.Mark mark)
    {
        try
        {
            if (!connection.InTransaction)
                return;
            using (var rollback = Statement("ROLLBACK TO item"))
                rollback.Execute();
            using var release = Statement("RELEASE item");
            release.Execute();
        }
        finally
        {
            book.EndSavepoint(mark, keep: false);
        }
    }

    private NumericIdWatermark ScanNumericIds(string aggregateType, NumericIdWatermark known)
    {
        long latest;
        using (var last = Statement("SELECT MAX(rowid) FROM events"))
            latest = last.ScalarInt64() ?? 0;
        using var scan = Statement("SELECT MAX(CAST(aggregate_id AS INTEGER)) FROM events WHERE rowid > ?1 AND rowid <= ?2 AND +aggregate_type = ?3 AND sequence = 1");
        var highest = scan.Bind(1, known.SeenRowId).Bind(2, latest).Bind(3, aggregateType).ScalarInt64() ?? 0;
        return new NumericIdWatermark(Math.Max(known.MaxId, highest), latest);
    }

    // An aggregate created here raises its type's id watermark, so the next allocation need not scan for it.
    private void NoteCreated(string aggregateType, string aggregateId)
    {
        if (!write || !long.TryParse(aggregateId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return;
        if (!book.TryGetNumericId(aggregateType, out var known))
        {
            if (database.Cache.FindNumericId(aggregateType) is not { } cached)
                return; // no watermark yet: the first allocation scans
            known = cached;
        }

        book.SetNumericId(aggregateType, id > known.MaxId ? known with { MaxId = id } : known);
    }

    // From a known version on: its own row must be there (else null: this snapshot is older), then every later event.
    private LoadedAggregate<TState>? Replay<TState, TEvent>(IAggregate<TState, TEvent> aggregate, LoadedAggregate<TState> start)
        where TState : class
    {
        using var select = Statement("SELECT sequence, event_type, payload FROM events WHERE aggregate_type = ?1 AND aggregate_id = ?2 AND sequence >= ?3 ORDER BY sequence");
        select.Bind(1, aggregate.AggregateType).Bind(2, start.AggregateId).Bind(3, start.Version);
        var (lifecycle, version) = (start.Lifecycle, start.Version);
        if (start.Version > 0 && !(select.Step() && select.Int64(0) == start.Version))
            return null;
        while (select.Step())
        {
            version = select.Int64(0);
            lifecycle = lifecycle.Apply(aggregate, EventRowSql.ReadEvent(aggregate, select.Text(1), select.Text(2)));
        }

        return start with { Lifecycle = lifecycle, Version = version };
    }

    private void InsertEvents<TState, TEvent>(IAggregate<TState, TEvent> aggregate, LoadedAggregate<TState> current, IReadOnlyList<TEvent> events)
        where TState : class
    {
        using var insert = Statement(EventRowSql.InsertEvents(events.Count));
        insert.Bind(1, aggregate.AggregateType).Bind(2, current.AggregateId);
        Span<byte> eventType = stackalloc byte[EventRowSql.MaxEventTypeBytes]; // SQLite copies what is bound
        for (var index = 0; index < events.Count; index++)
        {
            var name = aggregate.EventName(events[index]);
            insert.Bind(3 + (3 * index), current.Version + index + 1)
                .Bind(4 + (3 * index), EventRowSql.EventType(aggregate.AggregateType, name, eventType))
                .Bind(5 + (3 * index), WriteTagged(name, aggregate, events[index], static (writer, aggregate, @event) => aggregate.WriteEvent(writer, @event)));
        }

        try
        {
            insert.Execute();
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == SqliteConstraint && exception.SqliteExtendedErrorCode == SqliteConstraintPrimaryKey)
        {
            throw new ConcurrencyConflictException(aggregate.AggregateType, current.AggregateId, current.Version, exception);
        }
    }

    internal void UpsertView<TState, TEvent>(IAggregate<TState, TEvent> aggregate, string view, string id, long version, TState state)
        where TState : class
    {
        // An update first, an insert only when there is no row: an upsert builds the insert's row, stored
        // generated columns included, before it finds the key taken and builds the updated row.
        var payload = WriteTagged("Live", aggregate, state, static (writer, aggregate, state) => aggregate.WriteView(writer, state));
        using (var update = Statement(EventRowSql.UpdateView(view)))
        {
            if (update.Bind(1, id).Bind(2, version).Bind(3, payload).Execute() == 1)
                return;
        }

        using var insert = Statement(EventRowSql.InsertView(view));
        insert.Bind(1, id).Bind(2, version).Bind(3, payload).Execute();
    }

    // The payload as UTF-8, valid until the next call: bound as it is (SQLite copies it), never made a string.
    private ReadOnlySpan<byte> WriteTagged<TAggregate, TValue>(string tag, TAggregate aggregate, TValue value, Action<Utf8JsonWriter, TAggregate, TValue> writeBody)
    {
        var (buffer, json) = (connection.Buffer, connection.Json);
        buffer.ResetWrittenCount();
        json.Reset(buffer);
        json.WriteStartObject();
        json.WritePropertyName(tag);
        writeBody(json, aggregate, value);
        json.WriteEndObject();
        json.Flush();
        return buffer.WrittenSpan;
    }
}
