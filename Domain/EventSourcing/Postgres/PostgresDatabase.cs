using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace TradingBot.Acceptance.Domain.EventSourcing.Postgres;

/// <summary>
/// The event store on a PostgreSQL server: the schema of <see cref="PostgresMigrator"/> in the connection's
/// database and first schema of its search path (so one server holds many stores, e.g. one per scenario), units
/// of work serialized across processes by an advisory lock (<see cref="PostgresStoreConnection"/>). Several bot
/// instances may share one store. Its cache is trusted while nobody else appends: each write unit reads the
/// store's last event, and forgets the cache when it is not the last one the writer knows of.
/// </summary>
public sealed class PostgresDatabase : EventStoreDatabase
{
    private readonly NpgsqlDataSource source;
    private readonly long writerLock;
    private readonly LeadershipFence? fence;

    private PostgresDatabase(NpgsqlDataSource source, string connectionString, long writerLock, LeadershipFence? fence)
        : base(readersTakeTurns: false)
    {
        this.source = source;
        this.writerLock = writerLock;
        this.fence = fence;
        ConnectionString = connectionString;
    }

    public override string ConnectionString { get; }

    /// <summary>With a fence, every write transaction of this process must hold the leadership lease at its commit.</summary>
    public override LeadershipFence? Fence => fence;

    /// <summary>The server as host:port, for messages.</summary>
    public string Server { get; private init; } = "";

    /// <summary>The database (and schema, when the search path names one), for messages.</summary>
    public string Database { get; private init; } = "";

    /// <summary>
    /// Opens the store and brings its schema up to date. Throws <see cref="EventStoreServerException"/>, naming the
    /// server, the database and the cause, when the connection string cannot be read, the server cannot be reached
    /// or refuses the login, or the schema is newer than this bot's or older and may not be migrated. With
    /// <paramref name="fence"/>, an instance of an active/standby pair: the database refuses its writes unless it
    /// holds the leadership lease (<see cref="PostgresStoreConnection"/>).
    /// </summary>
    public static PostgresDatabase Open(string connectionString, TimeProvider clock, LeadershipFence? fence = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        NpgsqlConnectionStringBuilder settings;
        try
        {
            settings = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException unreadable)
        {
            throw new EventStoreServerException("(unknown)", "(unknown)", $"the connection string cannot be read: {unreadable.Message}", unreadable);
        }

        var server = $"{settings.Host ?? "localhost"}:{settings.Port}";
        var database = (settings.Database ?? settings.Username ?? "(default)") + (settings.SearchPath is { Length: > 0 } schema ? $" (schema {schema})" : "");
        if (settings.MaxAutoPrepare == 0)
            settings.MaxAutoPrepare = 64;
        settings.AutoPrepareMinUsages = 2;
        var lockKey = WriterLock(settings.Database, settings.SearchPath);
        var source = NpgsqlDataSource.Create(settings);
        try
        {
            using (var migrating = source.OpenConnection())
                PostgresMigrator.Apply(migrating, lockKey, clock.GetUtcNow());
            return new PostgresDatabase(source, settings.ConnectionString, lockKey, fence) { Server = server, Database = database };
        }
        catch (Exception refused) when (refused is NpgsqlException or SchemaVersionException or TimeoutException or InvalidOperationException)
        {
            source.Dispose();
            throw new EventStoreServerException(server, database, Cause(refused), refused);
        }
    }

    /// <summary>
    /// As SQLite's <c>PRAGMA data_version</c>: the store's last event is the one the writer knows of when every
    /// event since its last unit was its own (the cache holds them), else the cache is forgotten.
    /// </summary>
    private protected override bool CatchUp(StoreConnection writer)
    {
        var last = ((PostgresStoreConnection)writer).LastEvent();
        if (writer.KnownDataVersion != last)
        {
            Cache.Forget();
            writer.KnownDataVersion = last;
        }

        return true;
    }

    private protected override StoreConnection OpenStoreConnection(bool isWriter) =>
        new PostgresStoreConnection(source.OpenConnection(), writerLock, isWriter, isWriter ? fence : null);

    /// <summary>The leadership lease of this store, on connections of its own.</summary>
    public PostgresLeaseStore LeaseStore() => new(source);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            source.Dispose();
    }

    // The writers of one store (database and schema) share one lock, whichever process they run in; stores in
    // other schemas of the same database take other locks.
    private static long WriterLock(string? database, string? searchPath) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"tradingbot-event-store/{database}/{searchPath}")));

    private static string Cause(Exception refused) => refused switch
    {
        PostgresException server => $"{server.MessageText} (SQLSTATE {server.SqlState})",
        SchemaVersionException schema => schema.Message,
        NpgsqlException { InnerException: SocketException socket } => $"cannot connect: {socket.Message}",
        NpgsqlException { InnerException: TimeoutException } => "no answer within the connection timeout",
        _ => refused.Message,
    };
}
