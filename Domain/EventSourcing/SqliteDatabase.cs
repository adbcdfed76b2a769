using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// The SQLite event-store database: opens (and pools) connections, applies the migrations once, and starts
/// units of work. In memory it lives as long as this object (one connection is kept open); on file it
/// uses WAL with <c>synchronous=NORMAL</c>, checkpoints the log on a thread of its own
/// (<see cref="WalCheckpointer"/>), and survives a restart (dispose, then open the same path again).
/// </summary>
public sealed class SqliteDatabase : EventStoreDatabase
{
    private readonly SqliteConnection? keepAlive;
    private readonly WalCheckpointer? checkpointer;
    private readonly bool inMemory;

    private SqliteDatabase(string connectionString, string? path, TimeProvider clock, ActivitySource? tracing = null)
        : base(readersTakeTurns: path is null)
    {
        ConnectionString = connectionString;
        inMemory = path is null;
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

        if (inMemory)
            return;
        checkpointer = new WalCheckpointer(OpenConnection(), Gate, tracing);
        try
        {
            OpenReadersAhead(ReadersOpenedAhead);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reader connections a database file opens with it. In a soak at 1,000 fills/s the hosted bot's tasks read up to
    /// four at once; a fourth reader opened minutes into the run held two more files open (the database and its log),
    /// which the soak could not tell from a leak.
    /// </summary>
    public const int ReadersOpenedAhead = 4;

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
    /// truncated, not a database or of a newer schema throws <see cref="DatabaseFileException"/>. With
    /// <paramref name="tracing"/>, each restart of the log in the writers' turn is traced (<see cref="WalCheckpointer.RestartSpan"/>).
    /// </summary>
    public static SqliteDatabase OpenFile(string path, TimeProvider clock, ActivitySource? tracing = null)
    {
        path = Path.GetFullPath(path);
        if (!File.Exists(path))
            NewDatabaseFile.Create(path, clock);
        DatabaseFile.CheckExisting(path);
        return new(FileConnectionString(path, SqliteOpenMode.ReadWrite), path, clock, tracing);
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

    public override string ConnectionString { get; }

    /// <summary>A write unit committed.</summary>
    internal override void Committed() => checkpointer?.Committed();

    // Inside BEGIN IMMEDIATE nobody else can commit: a data_version unchanged since this connection's last
    // unit means every commit since was this database's own, and its cache holds them all. Otherwise the
    // cache is forgotten, and from then on holds only what this snapshot (or a later one) read.
    private protected override bool CatchUp(StoreConnection writer)
    {
        var version = ((SqliteStoreConnection)writer).DataVersion();
        if (writer.KnownDataVersion != version)
        {
            Cache.Forget();
            writer.KnownDataVersion = version;
        }

        return true;
    }

    /// <summary>
    /// What the connections no unit is using now ran since they opened: how many times each prepared statement ran,
    /// the pages their commits wrote (to the log, on a file) and the pages the writer's and the readers' connections
    /// read into their caches. For the benchmarks' statement counts: SQLite keeps these counts anyway.
    /// </summary>
    public StatementRuns StatementRuns()
    {
        var runs = new Dictionary<string, int>(StringComparer.Ordinal);
        var (written, writerRead, readersRead) = (0L, 0L, 0L);
        foreach (var connection in IdleConnections().Cast<SqliteStoreConnection>())
        {
            foreach (var statement in connection.Prepared.Cast<SqliteStatement>())
                runs[statement.Sql] = runs.GetValueOrDefault(statement.Sql) + statement.Runs;
            written += Pages(connection.Connection, raw.SQLITE_DBSTATUS_CACHE_WRITE);
            if (connection.IsWriter)
                writerRead += Pages(connection.Connection, raw.SQLITE_DBSTATUS_CACHE_MISS);
            else
                readersRead += Pages(connection.Connection, raw.SQLITE_DBSTATUS_CACHE_MISS);
        }

        return new(runs, written, writerRead, readersRead);
    }

    /// <summary>The pages the commits of <paramref name="connection"/> wrote since it opened.</summary>
    public static long PagesWritten(SqliteConnection connection) => Pages(connection, raw.SQLITE_DBSTATUS_CACHE_WRITE);

    private static long Pages(SqliteConnection connection, int status)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var result = raw.sqlite3_db_status(connection.Handle, status, out var pages, out _, 0);
        return result == raw.SQLITE_OK ? pages : throw new SqliteException($"SQLite Error {result}: no page count.", result);
    }

    private protected override StoreConnection OpenStoreConnection(bool isWriter) => new SqliteStoreConnection(OpenConnection(), isWriter);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
            return;
        checkpointer?.Dispose();
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
        // A savepoint (a batch's, or one per queue item once an item failed) copies each page it changes into a
        // sub-journal, which SQLite spills to a temporary file past 64 KiB: on a file, 2,000 fills with a savepoint
        // per item created, wrote and deleted 197 files in /var/tmp. That journal only serves a rollback to the
        // savepoint, never crash recovery.
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
