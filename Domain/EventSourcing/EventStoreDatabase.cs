using System.Collections.Concurrent;

namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// One event-store database, SQLite (<see cref="SqliteDatabase"/>) or PostgreSQL
/// (<see cref="Postgres.PostgresDatabase"/>): pools its connections and starts units of work. Writers of
/// this process take turns (<see cref="UnitGate"/>) on one shared writer connection; the database itself
/// serializes them with the writers of other processes.
/// </summary>
public abstract class EventStoreDatabase : IDisposable
{
    private readonly ConcurrentBag<StoreConnection> idle = [];
    private StoreConnection? idleWriter;
    private volatile bool disposed;

    private protected EventStoreDatabase(bool readersTakeTurns) => Gate = new UnitGate(readersTakeTurns);

    /// <summary>How to open a connection of one's own, e.g. to inspect the schema or dump the log on failure.</summary>
    public abstract string ConnectionString { get; }

    /// <summary>The fence of an active/standby instance, checked by the database in every write; none by default.</summary>
    public virtual LeadershipFence? Fence => null;

    private long writesBegun;

    /// <summary>Starts a write transaction: writers queue up behind each other.</summary>
    public UnitOfWork BeginWrite()
    {
        Interlocked.Increment(ref writesBegun);
        return Begin(write: true);
    }

    /// <summary>
    /// Starts a write transaction for work that can wait (the order status poller's answers): the writers waiting
    /// beside it go first, up to <see cref="UnitGate.BackgroundPassedOver"/> of them in a row.
    /// </summary>
    public UnitOfWork BeginBackgroundWrite()
    {
        Interlocked.Increment(ref writesBegun);
        return Begin(write: true, inBackground: true);
    }

    /// <summary>How many write transactions were started: shows which work takes the one writer's turns.</summary>
    internal long WritesBegun => Interlocked.Read(ref writesBegun);

    /// <summary>Starts a read transaction: a consistent snapshot, never a write.</summary>
    public UnitOfWork BeginRead() => Begin(write: false);

    internal AggregateCache Cache { get; } = new();

    internal UnitGate Gate { get; }

    /// <summary>A write unit committed.</summary>
    internal virtual void Committed()
    {
    }

    /// <summary>Every event after a global position (rowid), in global order: all of them from 0.</summary>
    public IReadOnlyList<RecordedEvent> ReadEventLog(long after = 0)
    {
        using var unit = BeginRead();
        return unit.ReadEventLog(after);
    }

    /// <summary>The ids of every aggregate of a type, in the order they were created.</summary>
    public IReadOnlyList<string> AggregateIds(string aggregateType)
    {
        using var unit = BeginRead();
        using var select = unit.Statement("SELECT aggregate_id FROM events WHERE aggregate_type = ?1 AND sequence = 1 ORDER BY rowid").Bind(1, aggregateType);
        var ids = new List<string>();
        while (select.Step())
            ids.Add(select.Text(0));
        return ids;
    }

    /// <summary>One aggregate's events, in order.</summary>
    public IReadOnlyList<RecordedEvent> ReadStream(string aggregateType, string aggregateId)
    {
        using var unit = BeginRead();
        using var select = unit.Statement("SELECT rowid, sequence, event_type, payload FROM events WHERE aggregate_type = ?1 AND aggregate_id = ?2 ORDER BY sequence")
            .Bind(1, aggregateType).Bind(2, aggregateId);
        var events = new List<RecordedEvent>();
        while (select.Step())
            events.Add(new RecordedEvent(select.Int64(0), aggregateType, aggregateId, select.Int64(1), select.Text(2), select.Text(3)));
        return events;
    }

    private UnitOfWork Begin(bool write, bool inBackground = false)
    {
        var turn = Gate.Enter(write, inBackground);
        StoreConnection? connection = null;
        try
        {
            // Writers taking their turn share one connection: the database tells it whether anyone else wrote.
            connection = write && turn ? RentWriter() : Rent();
            var epoch = Cache.Epoch; // before the snapshot begins: see AggregateCache
            connection.Begin(write);
            var current = connection.IsWriter && CatchUp(connection);
            if (connection.IsWriter)
                epoch = Cache.Epoch;
            return new UnitOfWork(this, connection, write, turn, current, epoch);
        }
        catch
        {
            connection?.Rollback();
            if (connection is not null)
                Return(connection);
            if (turn)
                Gate.Leave();
            throw;
        }
    }

    /// <summary>
    /// Called in the writer's transaction, which no other writer can commit during: <c>true</c> when every commit
    /// since the writer's last unit was this database's own, so that its cache holds them all. Otherwise the
    /// cache is forgotten (<see cref="AggregateCache.Forget"/>) or not trusted, and <c>false</c>.
    /// </summary>
    private protected abstract bool CatchUp(StoreConnection writer);

    private protected abstract StoreConnection OpenStoreConnection(bool isWriter);

    /// <summary>
    /// Opens reader connections ahead of the reads that will use them, as a pool's minimum size does, so that the
    /// files the database holds open stay the same while reads come and go.
    /// </summary>
    private protected void OpenReadersAhead(int count)
    {
        for (var opened = 0; opened < count; opened++)
            idle.Add(OpenStoreConnection(isWriter: false));
    }

    internal StoreConnection Rent()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return idle.TryTake(out var connection) ? connection : OpenStoreConnection(isWriter: false);
    }

    internal void Return(StoreConnection connection)
    {
        if (disposed || connection.IsBroken)
            connection.Dispose();
        else if (connection.IsWriter)
            idleWriter = connection;
        else
            idle.Add(connection);
    }

    /// <summary>The connections no unit is using now, the writer's first.</summary>
    private protected IEnumerable<StoreConnection> IdleConnections() =>
        idleWriter is { } writer ? idle.Prepend(writer) : idle;

    private StoreConnection RentWriter()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return Interlocked.Exchange(ref idleWriter, null) ?? OpenStoreConnection(isWriter: true);
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
            return;
        disposed = true;
        Interlocked.Exchange(ref idleWriter, null)?.Dispose();
        while (idle.TryTake(out var connection))
            connection.Dispose();
    }
}
