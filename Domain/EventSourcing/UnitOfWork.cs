using System.Text.Json;

namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// One transaction of the event store: every event, view update, lease change and queue mark of one step commits
/// together or not at all. Disposing without <see cref="Commit"/> rolls everything back.
/// </summary>
public sealed partial class UnitOfWork : IDisposable
{
    private readonly EventStoreDatabase database;
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
    internal UnitOfWork(EventStoreDatabase database, StoreConnection connection, bool write, bool turn, bool current, long epoch)
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
        where TState : class =>
        Execute(aggregate, aggregateId, decide, static (state, decide) => decide(state));

    /// <summary>
    /// <see cref="Execute{TState, TEvent, TError}(IAggregate{TState, TEvent}, string, Func{TState, Decision{TEvent, TError}})"/>
    /// with what the decision needs passed along: a caller deciding thousands of times (a poll cycle's fills) makes no closure.
    /// </summary>
    public Decision<TEvent, TError> Execute<TState, TEvent, TError, TArgument>(
        IAggregate<TState, TEvent> aggregate, string aggregateId, TArgument argument, Func<TState?, TArgument, Decision<TEvent, TError>> decide)
        where TState : class
    {
        var loaded = Load(aggregate, aggregateId);
        for (var attempt = 1; ; attempt++)
        {
            var decision = decide(loaded.State, argument);
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

    /// <summary>
    /// Creates an aggregate without reading it first: decides on no state and appends from version 1. <c>null</c>,
    /// with nothing written, when the aggregate exists: this unit or the cache knows it, or the primary key of
    /// its first event refuses the insert (the refused statement alone is undone).
    /// </summary>
    public Decision<TEvent, TError>? TryCreate<TState, TEvent, TError>(
        IAggregate<TState, TEvent> aggregate, string aggregateId, Func<TState?, Decision<TEvent, TError>> decide)
        where TState : class
    {
        ArgumentNullException.ThrowIfNull(decide);
        var key = (aggregate.AggregateType, aggregateId);
        if ((book.TryGetSeen(key, out var seen) && seen!.Version > 0) || database.Cache.Find<TState>(aggregate.AggregateType, aggregateId) is not null)
            return null; // the cache holds only committed aggregates, and an aggregate is never deleted
        var decision = decide(null);
        if (decision is not Decision<TEvent, TError>.Accepted { Events.Count: > 0 } accepted)
            return decision;
        try
        {
            Append(aggregate, new LoadedAggregate<TState>(aggregate.AggregateType, aggregateId, new Lifecycle<TState>.Uninitialized(), 0), accepted.Events);
            return decision;
        }
        catch (ConcurrencyConflictException)
        {
            return null;
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
        for (var index = 0; index < events.Count; index++) // not foreach: an interface's enumerator is an object per call
            lifecycle = lifecycle.Apply(aggregate, events[index]);
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

    public void Commit()
    {
        WriteViews();
        SymbolLocks.ClearEndedMarkers();
        connection.Commit();
        finished = true;
        if (write)
            database.Committed();
        book.Publish(database.Cache, epoch);
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

    /// <summary>What the unit remembers beside its SQL (the lease's markers still to clear, among others).</summary>
    internal UnitBookkeeping Book => book;

    // A view row is written once per unit with the aggregate's last state (an aggregate may change several
    // times in one unit), before anything reads views, at the end of each item and before the commit: an
    // item's view rows are its own writes, so their failure rolls back that item alone.
    private void WriteViews()
    {
        foreach (var write in book.TakePendingViews())
            write.Write(this);
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
            lifecycle = lifecycle.Apply(aggregate, EventRowSql.ReadEvent(aggregate, select.Utf8(1), select.Utf8(2)));
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

        if (!connection.TryInsertEvents(insert))
            throw new ConcurrencyConflictException(aggregate.AggregateType, current.AggregateId, current.Version);
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
