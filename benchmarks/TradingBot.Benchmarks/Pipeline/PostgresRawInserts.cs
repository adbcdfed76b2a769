using System.Text.RegularExpressions;
using Npgsql;
using NpgsqlTypes;

namespace TradingBot.Benchmarks.Pipeline;

/// <summary>
/// The raw-insert ceiling on PostgreSQL: one connection with the store's settings, each statement one round
/// trip, prepared by Npgsql (auto-prepare, as the store's statements are), text sent untyped and read by the
/// server as the column it meets. A write transaction takes a transaction-level advisory lock first, as the
/// store's writers do (PostgreSQL's <c>BEGIN IMMEDIATE</c>).
/// </summary>
public sealed partial class PostgresRawInserts : RawInsertWriter
{
    private const long WriterLock = 0x7261775f696e73; // any key: nobody else takes it

    private readonly NpgsqlConnection connection;
    private readonly NpgsqlCommand takeLock;
    private readonly NpgsqlCommand[] statements;
    private NpgsqlTransaction? transaction;

    public PostgresRawInserts(string connectionString)
    {
        connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64, AutoPrepareMinUsages = 2 }.ConnectionString);
        connection.Open();
        takeLock = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection) { Parameters = { new NpgsqlParameter { Value = WriterLock } } };
        statements = [.. Sql.Select(sql => new NpgsqlCommand(Parameter().Replace(sql, "$$$1"), connection))];
    }

    protected override void Begin()
    {
        transaction = connection.BeginTransaction(System.Data.IsolationLevel.ReadCommitted);
        takeLock.ExecuteNonQuery();
    }

    protected override void Commit()
    {
        transaction!.Commit();
        transaction.Dispose();
        transaction = null;
    }

    protected override int Write(Row row, params object[] values)
    {
        var command = statements[(int)row];
        for (var index = 0; index < values.Length; index++)
        {
            if (command.Parameters.Count <= index)
                command.Parameters.Add(new NpgsqlParameter());
            var (type, value) = values[index] switch
            {
                string text => (NpgsqlDbType.Unknown, (object)text),
                long number => (NpgsqlDbType.Bigint, number),
                _ => throw new ArgumentException($"Cannot bind {values[index]}.", nameof(values)),
            };
            command.Parameters[index].NpgsqlDbType = type;
            command.Parameters[index].Value = value;
        }

        return command.ExecuteNonQuery();
    }

    protected override void Dispose(bool disposing)
    {
        if (!disposing)
            return;
        foreach (var command in statements.Append(takeLock))
            command.Dispose();
        transaction?.Dispose();
        connection.Dispose();
    }

    [GeneratedRegex(@"\?(\d+)")]
    private static partial Regex Parameter();
}
