using Microsoft.Data.Sqlite;
using SQLitePCL;
using TradingBot.Acceptance.Domain.EventSourcing;

namespace TradingBot.Benchmarks.Pipeline;

/// <summary>
/// The raw-insert ceiling on SQLite: statements (BEGIN IMMEDIATE and COMMIT included) prepared once and run
/// through SQLite's C API with positional parameters, as the event store runs its own, so the ratio compares
/// the work and not the driver; on a file, checkpoints are left to a thread of their own, as the store does.
/// </summary>
public sealed class SqliteRawInserts : RawInsertWriter
{
    private readonly SqliteConnection connection;
    private readonly sqlite3_stmt begin;
    private readonly sqlite3_stmt commit;
    private readonly sqlite3_stmt[] statements;
    private readonly WalCheckpointer? checkpointer;

    public SqliteRawInserts(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        connection = database.OpenConnection(); // the store's connection settings
        checkpointer = new SqliteConnectionStringBuilder(database.ConnectionString).Mode == SqliteOpenMode.Memory ? null : new WalCheckpointer(database.OpenConnection());
        begin = Prepare("BEGIN IMMEDIATE");
        commit = Prepare("COMMIT");
        statements = [.. Sql.Select(Prepare)];
    }

    /// <summary>The pages its commits wrote so far (to the log, on a file).</summary>
    public long PagesWritten => SqliteDatabase.PagesWritten(connection);

    protected override void Begin() => Step(begin);

    protected override void Commit()
    {
        Step(commit);
        checkpointer?.Committed();
    }

    protected override int Write(Row row, params object[] values)
    {
        var statement = statements[(int)row];
        for (var index = 0; index < values.Length; index++)
        {
            var result = values[index] switch
            {
                string text => raw.sqlite3_bind_text(statement, index + 1, text),
                long number => raw.sqlite3_bind_int64(statement, index + 1, number),
                _ => throw new ArgumentException($"Cannot bind {values[index]}.", nameof(values)),
            };
            Check(result);
        }

        Step(statement);
        return raw.sqlite3_changes(connection.Handle);
    }

    protected override void Dispose(bool disposing)
    {
        if (!disposing)
            return;
        foreach (var statement in statements.Append(begin).Append(commit))
            statement.Dispose();
        checkpointer?.Dispose();
        connection.Dispose();
    }

    private void Step(sqlite3_stmt statement)
    {
        var result = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (result != raw.SQLITE_DONE)
            Check(result);
    }

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
            throw new SqliteException(raw.sqlite3_errmsg(connection.Handle).utf8_to_string(), result);
    }

    private sqlite3_stmt Prepare(string sql)
    {
        Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement));
        return statement;
    }
}
