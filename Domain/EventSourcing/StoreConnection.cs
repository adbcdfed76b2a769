using Microsoft.Data.Sqlite;

namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// One open connection with its commands kept prepared: a trade runs the same dozen statements, so
/// each is compiled once per connection and only rebound afterwards.
/// </summary>
internal sealed class StoreConnection(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> commands = new(StringComparer.Ordinal);

    public SqliteConnection Connection { get; } = connection;

    public SqliteCommand Command(string sql, SqliteTransaction? transaction)
    {
        if (!commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            commands.Add(sql, command);
        }

        command.Transaction = transaction;
        command.Parameters.Clear();
        return command;
    }

    public void Dispose()
    {
        foreach (var command in commands.Values)
            command.Dispose();
        commands.Clear();
        Connection.Dispose();
    }
}
