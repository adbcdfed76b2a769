using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace TradingBot.Acceptance.Domain.EventSourcing.Postgres;

/// <summary>
/// One statement of the store run on PostgreSQL (<see cref="PostgresSql.Translate"/> turns its text into
/// PostgreSQL's). Text is sent untyped, so the server reads it as the column it meets (text, json); timestamps
/// are sent as <c>timestamptz</c>. The rows of a query are read at the first <see cref="Step"/> and the reader
/// closed at once: one connection runs one command at a time, and the store's code may run another statement
/// while it still walks the rows of the first. A savepoint is deferred to the next statement's round trip
/// (<see cref="PostgresStoreConnection.Defer"/>).
/// </summary>
internal sealed class PostgresStatement : PreparedStatement
{
    private readonly PostgresStoreConnection owner;
    private readonly NpgsqlBatchCommand command;
    private readonly bool deferred;
    private readonly List<object[]> rows = [];
    private int row = -1;
    private bool ran;

    public PostgresStatement(PostgresStoreConnection owner, string sql)
    {
        Sql = sql;
        this.owner = owner;
        command = new NpgsqlBatchCommand(PostgresSql.Translate(sql));
        deferred = sql.StartsWith("SAVEPOINT ", StringComparison.Ordinal) || sql.StartsWith("RELEASE ", StringComparison.Ordinal);
    }

    public override PreparedStatement Bind(int index, string? value) => Parameter(index, NpgsqlDbType.Unknown, value);

    public override PreparedStatement Bind(int index, ReadOnlySpan<byte> utf8) => Parameter(index, NpgsqlDbType.Unknown, Encoding.UTF8.GetString(utf8));

    public override PreparedStatement Bind(int index, long value) => Parameter(index, NpgsqlDbType.Bigint, value);

    public override PreparedStatement Bind(int index, DateTimeOffset instant) => Parameter(index, NpgsqlDbType.TimestampTz, instant.UtcDateTime);

    public override PreparedStatement Bind(int index, DateTimeOffset? instant) => Parameter(index, NpgsqlDbType.TimestampTz, instant?.UtcDateTime);

    public override bool Step()
    {
        if (!ran)
        {
            owner.Read(command, rows);
            ran = true;
        }

        return ++row < rows.Count;
    }

    public override int Execute()
    {
        if (!deferred)
            return owner.Execute(command);
        owner.Defer(command.CommandText);
        return 0;
    }

    public override bool IsNull(int column) => rows[row][column] is DBNull;

    public override long Int64(int column) => Convert.ToInt64(rows[row][column], CultureInfo.InvariantCulture);

    public override string Text(int column) => rows[row][column] switch
    {
        string text => text,
        DateTime instant => Rfc3339.Format(new DateTimeOffset(DateTime.SpecifyKind(instant, DateTimeKind.Utc))),
        IFormattable value => value.ToString(null, CultureInfo.InvariantCulture),
        var value => value.ToString() ?? "",
    };

    public override void Dispose()
    {
        rows.Clear();
        row = -1;
        ran = false;
        foreach (NpgsqlParameter parameter in command.Parameters)
            parameter.Value = DBNull.Value;
    }

    public override void Close()
    {
        // A batch command holds no server resource of its own: its connection's batch and connection are disposed with it.
    }

    private PostgresStatement Parameter(int index, NpgsqlDbType type, object? value)
    {
        while (command.Parameters.Count < index)
            command.Parameters.Add(new NpgsqlParameter());
        var parameter = command.Parameters[index - 1];
        parameter.NpgsqlDbType = type;
        parameter.Value = value ?? DBNull.Value;
        return this;
    }
}
