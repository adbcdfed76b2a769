using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// A SQLite connection of the store. Transactions are begun and ended with prepared statements too
/// (<see cref="SqliteConnection.BeginTransaction()"/> compiles its <c>BEGIN</c> and <c>COMMIT</c> anew every time).
/// </summary>
internal sealed class SqliteStoreConnection(SqliteConnection connection, bool isWriter = false) : StoreConnection(isWriter)
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;

    public SqliteConnection Connection { get; } = connection;

    /// <summary><c>BEGIN IMMEDIATE</c> takes the write lock at once; a plain <c>BEGIN</c> reads a snapshot.</summary>
    public override void Begin(bool write)
    {
        using var begin = Statement(write ? "BEGIN IMMEDIATE" : "BEGIN");
        begin.Execute();
    }

    public override void Commit()
    {
        using var commit = Statement("COMMIT");
        commit.Execute();
    }

    public override bool InTransaction => raw.sqlite3_get_autocommit(Connection.Handle) == 0;

    public override void Rollback()
    {
        if (!InTransaction)
            return;
        using var rollback = Statement("ROLLBACK");
        rollback.Execute();
    }

    public override bool TryInsertEvents(PreparedStatement insert)
    {
        try
        {
            insert.Execute();
            return true;
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == SqliteConstraint && exception.SqliteExtendedErrorCode == SqliteConstraintPrimaryKey)
        {
            return false; // a statement's failed constraint undoes that statement alone
        }
    }

    /// <summary>Reads <c>PRAGMA data_version</c> now.</summary>
    public long DataVersion()
    {
        using var version = Statement("PRAGMA data_version");
        return version.ScalarInt64() ?? 0;
    }

    protected override PreparedStatement Prepare(string sql) => new SqliteStatement(Connection.Handle!, sql);

    protected override void Close() => Connection.Dispose();
}
