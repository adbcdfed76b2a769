using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// One SQL statement compiled once per connection and run straight through SQLite's C API with
/// positional parameters (<c>?1</c>, <c>?2</c>…). A fill runs some thirty statements; through
/// <see cref="SqliteCommand"/> each execution also resolved every parameter by name, built a data reader and
/// re-enumerated the command text, which cost about as much as SQLite's own work on an in-memory database.
/// Rent it with <see cref="StoreConnection.Statement"/> and dispose it to reset it for the next use.
/// </summary>
internal sealed class SqliteStatement : PreparedStatement
{
    private const int MaxStackText = 256;
    private const int StatusRuns = 6; // SQLITE_STMTSTATUS_RUN, which SQLitePCLRaw does not name

    private readonly sqlite3 database;
    private readonly sqlite3_stmt statement;

    public SqliteStatement(sqlite3 database, string sql)
    {
        this.database = database;
        Sql = sql;
        Check(raw.sqlite3_prepare_v2(database, sql, out statement));
    }

    public override PreparedStatement Bind(int index, string? value)
    {
        if (value is null)
        {
            Check(raw.sqlite3_bind_null(statement, index));
            return this;
        }

        if (value.Length == 0 || value.Length > MaxStackText)
        {
            Check(raw.sqlite3_bind_text(statement, index, value));
            return this;
        }

        // Encoded on the stack: SQLite copies the text when it is bound.
        Span<byte> utf8 = stackalloc byte[MaxStackText * 3];
        return Bind(index, utf8[..Encoding.UTF8.GetBytes(value, utf8)]);
    }

    /// <summary>Binds text already encoded as UTF-8 (a payload written by a JSON writer); SQLite copies it.</summary>
    public override PreparedStatement Bind(int index, ReadOnlySpan<byte> utf8)
    {
        Check(raw.sqlite3_bind_text(statement, index, utf8));
        return this;
    }

    public override PreparedStatement Bind(int index, long value)
    {
        Check(raw.sqlite3_bind_int64(statement, index, value));
        return this;
    }

    /// <summary>Moves to the next row: <c>true</c> when there is one, <c>false</c> when the statement is done.</summary>
    /// <exception cref="SqliteException">SQLite refused the statement (a constraint, a busy database, …).</exception>
    public override bool Step()
    {
        var result = raw.sqlite3_step(statement);
        if (result == raw.SQLITE_ROW)
            return true;
        if (result == raw.SQLITE_DONE)
            return false;
        throw Error(result);
    }

    /// <summary>Runs a statement that returns no rows; the number of rows it changed.</summary>
    public override int Execute()
    {
        while (Step())
        {
        }

        return raw.sqlite3_changes(database);
    }

    public override bool IsNull(int column) => raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL;

    public override long Int64(int column) => raw.sqlite3_column_int64(statement, column);

    public override string Text(int column) => raw.sqlite3_column_text(statement, column).utf8_to_string();

    // A text value's bytes, as stored (the database is UTF-8).
    public override ReadOnlySpan<byte> Utf8(int column) => raw.sqlite3_column_blob(statement, column);

    /// <summary>How many times the statement ran (stepped, then reset) since it was prepared: SQLite counts it anyway.</summary>
    public int Runs => raw.sqlite3_stmt_status(statement, StatusRuns, 0);

    /// <summary>Ready for the next use: the statement restarts and forgets its parameters.</summary>
    public override void Dispose()
    {
        raw.sqlite3_reset(statement);
        raw.sqlite3_clear_bindings(statement);
    }

    /// <summary>Frees the compiled statement; called when its connection closes.</summary>
    public override void Close() => statement.Dispose();

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
            throw Error(result);
    }

    private SqliteException Error(int result)
    {
        var message = raw.sqlite3_errmsg(database).utf8_to_string();
        raw.sqlite3_reset(statement);
        return new SqliteException($"SQLite Error {result}: '{message}'.", result, raw.sqlite3_extended_errcode(database));
    }
}
