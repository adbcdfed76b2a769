using System.Buffers;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// One open connection with its statements kept prepared: a trade runs the same dozen statements, so
/// each is compiled once per connection and only rebound afterwards. Transactions are begun and ended
/// with prepared statements too (<see cref="SqliteConnection.BeginTransaction()"/> compiles its
/// <c>BEGIN</c> and <c>COMMIT</c> anew every time).
/// </summary>
internal sealed class StoreConnection(SqliteConnection connection, bool isWriter = false) : IDisposable
{
    private readonly Dictionary<string, PreparedStatement> statements = new(StringComparer.Ordinal);

    public SqliteConnection Connection { get; } = connection;

    /// <summary>Where the unit of work using this connection writes its payloads (one unit at a time uses it).</summary>
    public ArrayBufferWriter<byte> Buffer { get; } = new(1024);

    /// <summary>Writes into <see cref="Buffer"/>; reset before every payload.</summary>
    public Utf8JsonWriter Json { get; } = new(Stream.Null);

    /// <summary>What the unit of work using this connection remembers; reset by each unit, reused for its capacity.</summary>
    public UnitBookkeeping Book { get; } = new();

    /// <summary>The connection that every write unit taking its turn uses, one per database.</summary>
    public bool IsWriter { get; } = isWriter;

    /// <summary>
    /// <c>PRAGMA data_version</c> as this connection last read it, or <c>null</c> before the first read:
    /// it changes when any other connection commits, never for this connection's own commits.
    /// </summary>
    public long? KnownDataVersion { get; set; }

    /// <summary>The prepared statement for <paramref name="sql"/>; dispose it when done to reset it.</summary>
    public PreparedStatement Statement(string sql)
    {
        if (!statements.TryGetValue(sql, out var statement))
        {
            statement = new PreparedStatement(Connection.Handle!, sql);
            statements.Add(sql, statement);
        }

        return statement;
    }

    /// <summary><c>BEGIN IMMEDIATE</c> takes the write lock at once; a plain <c>BEGIN</c> reads a snapshot.</summary>
    public void Begin(bool write)
    {
        using var begin = Statement(write ? "BEGIN IMMEDIATE" : "BEGIN");
        begin.Execute();
    }

    public void Commit()
    {
        using var commit = Statement("COMMIT");
        commit.Execute();
    }

    /// <summary>A transaction is open (SQLite ends it by itself after some errors).</summary>
    public bool InTransaction => raw.sqlite3_get_autocommit(Connection.Handle) == 0;

    /// <summary>Rolls back, unless SQLite already did (it ends the transaction itself after some errors).</summary>
    public void Rollback()
    {
        if (!InTransaction)
            return;
        using var rollback = Statement("ROLLBACK");
        rollback.Execute();
    }

    /// <summary>Reads <c>PRAGMA data_version</c> now.</summary>
    public long DataVersion()
    {
        using var version = Statement("PRAGMA data_version");
        return version.ScalarInt64() ?? 0;
    }

    public void Dispose()
    {
        foreach (var statement in statements.Values)
            statement.Close();
        statements.Clear();
        Json.Dispose();
        Connection.Dispose();
    }
}
