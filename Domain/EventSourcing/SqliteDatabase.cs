using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// One event-store database: opens (and pools) connections, applies the migrations once, and starts
/// units of work. In memory it lives as long as this object (one connection is kept open); on file it
/// uses WAL with <c>synchronous=NORMAL</c>, checkpoints the log on a thread of its own
/// (<see cref="WalCheckpointer"/>), and survives a restart (dispose, then open the same path again).
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    private readonly SqliteConnection? keepAlive;
    private readonly WalCheckpointer? checkpointer;
    private readonly bool inMemory;
    private readonly ConcurrentBag<StoreConnection> idle = [];
    private StoreConnection? idleWriter;
    private volatile bool disposed;

    private SqliteDatabase(string connectionString, string? path, TimeProvider clock)
    {
        ConnectionString = connectionString;
        inMemory = path is null;
        Gate = new UnitGate(readersToo: inMemory);
        if (inMemory)
            keepAlive = OpenConnection();
        try
        {
            using var migrating = OpenConnection();
            if (path is not null)
            {
                DatabaseMigrator.CheckSchema(migrating, path);
                Execute(migrating, "PRAGMA journal_mode = WAL");
            }

            DatabaseMigrator.Apply(migrating, clock.GetUtcNow());
        }
        catch (SqliteException failure) when (path is not null)
        {
            throw new DatabaseFileException(path, $"cannot be opened as a database: {failure.Message}", failure);
        }

        if (!inMemory)
            checkpointer = new WalCheckpointer(OpenConnection());
    }

    /// <summary>A fresh private database in shared-cache memory: several connections, no file.</summary>
    public static SqliteDatabase InMemory(TimeProvider clock) =>
        new(new SqliteConnectionStringBuilder
        {
            DataSource = $"trading-bot-{Guid.NewGuid():N}",
            Mode = SqliteOpenMode.Memory,
            Cache = SqliteCacheMode.Shared,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString(), path: null, clock);

    /// <summary>
    /// A database file in WAL mode; open it again to simulate a restart. Only a path that does not exist is
    /// created (complete, under another name, then moved into place); an existing file that is empty,
    /// truncated, not a database or of a newer schema throws <see cref="DatabaseFileException"/>.
    /// </summary>
    public static SqliteDatabase OpenFile(string path, TimeProvider clock)
    {
        path = Path.GetFullPath(path);
        if (!File.Exists(path))
            NewDatabaseFile.Create(path, clock);
        DatabaseFile.CheckExisting(path);
        return new(FileConnectionString(path, SqliteOpenMode.ReadWrite), path, clock);
    }

    internal static string FileConnectionString(string path, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Cache = SqliteCacheMode.Private,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();

    /// <summary>How to open a connection of one's own, e.g. to inspect the schema or dump the log on failure.</summary>
    public string ConnectionString { get; }

    /// <summary>Starts a write transaction (<c>BEGIN IMMEDIATE</c>): writers queue up behind each other.</summary>
    public UnitOfWork BeginWrite() => Begin(write: true);

    /// <summary>Starts a read transaction: a consistent snapshot, never a write.</summary>
    public UnitOfWork BeginRead() => Begin(write: false);

    internal AggregateCache Cache { get; } = new();

    internal UnitGate Gate { get; }

    /// <summary>A write unit committed.</summary>
    internal void Committed() => checkpointer?.Committed();

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

    private UnitOfWork Begin(bool write)
    {
        var turn = Gate.Enter(write);
        StoreConnection? connection = null;
        try
        {
            // Writers taking their turn share one connection: its data_version tells whether anyone else wrote.
            connection = write && turn ? RentWriter() : Rent();
            var epoch = Cache.Epoch; // before the snapshot begins: see AggregateCache
            connection.Begin(write);
            if (connection.IsWriter)
                epoch = CatchUp(connection);
            return new UnitOfWork(this, connection, write, turn, current: connection.IsWriter, epoch);
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

    // Inside BEGIN IMMEDIATE nobody else can commit: a data_version unchanged since this connection's last
    // unit means every commit since was this database's own, and its cache holds them all. Otherwise the
    // cache is forgotten, and from then on holds only what this snapshot (or a later one) read.
    private long CatchUp(StoreConnection writer)
    {
        var version = writer.DataVersion();
        if (writer.KnownDataVersion != version)
        {
            Cache.Forget();
            writer.KnownDataVersion = version;
        }

        return Cache.Epoch;
    }

    internal StoreConnection Rent()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return idle.TryTake(out var connection) ? connection : new StoreConnection(OpenConnection());
    }

    internal void Return(StoreConnection connection)
    {
        if (disposed)
            connection.Dispose();
        else if (connection.IsWriter)
            idleWriter = connection;
        else
            idle.Add(connection);
    }

    private StoreConnection RentWriter()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return Interlocked.Exchange(ref idleWriter, null) ?? new StoreConnection(OpenConnection(), isWriter: true);
    }

    public void Dispose()
    {
        disposed = true;
        checkpointer?.Dispose();
        Interlocked.Exchange(ref idleWriter, null)?.Dispose();
        while (idle.TryTake(out var connection))
            connection.Dispose();
        keepAlive?.Dispose();
    }

    /// <summary>
    /// A connection of one's own with the settings of the store's connections (the benchmarks' raw-insert
    /// ceiling writes through one); the caller disposes it.
    /// </summary>
    public SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        ReserveLookaside(connection);
        Execute(connection, "PRAGMA busy_timeout = 30000");
        // With WAL, NORMAL syncs at checkpoints instead of on every commit: a crash of the bot loses nothing
        // committed; a power cut may lose the last commits, which restart recovery re-derives (§10).
        Execute(connection, "PRAGMA synchronous = NORMAL");
        // A savepoint (one per queue item) copies each page it changes into a sub-journal, which SQLite spills
        // to a temporary file past 64 KiB: on a file, 2,000 fills created, wrote and deleted 197 files in
        // /var/tmp. That journal only serves a rollback to the savepoint, never crash recovery.
        Execute(connection, "PRAGMA temp_store = MEMORY");
        if (!inMemory)
            Execute(connection, "PRAGMA wal_autocheckpoint = 0"); // the checkpointer's thread does it
        return connection;
    }

    // SQLite serves its small allocations from a per-connection lookaside before malloc. The writer keeps
    // some forty statements prepared, which held all 123 default slots: of 2,000 fills' allocations 471,894
    // went to malloc and 8,856 to the lookaside. 225 KB (1,200 × 192, which SQLite cuts into about 590
    // slots of two sizes) holds the peak of 286 slots in use. It can only be set before the first allocation.
    private static void ReserveLookaside(SqliteConnection connection)
    {
        var result = raw.sqlite3_db_config(connection.Handle, raw.SQLITE_DBCONFIG_LOOKASIDE, IntPtr.Zero, 1200, 192);
        if (result != raw.SQLITE_OK)
            throw new SqliteException($"SQLite Error {result}: the lookaside could not be configured.", result);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
