using Npgsql;
using TradingBot.Acceptance.Domain.EventSourcing;

namespace TradingBot.Acceptance.Support.EventStores;

/// <summary>
/// The event store the tests run on: SQLite unless <c>TRADINGBOT_EVENT_STORE=postgres</c>, then PostgreSQL, the
/// server of <c>TRADINGBOT_POSTGRES</c> (a connection string) or else a <see cref="ThrowawayPostgres"/> the run
/// starts on first use and stops at its end (<see cref="StopServer"/>). Each store on it is a schema of its own.
/// </summary>
public static class TestEventStores
{
    private static readonly Lazy<ThrowawayPostgres?> Throwaway = new(
        () => Environment.GetEnvironmentVariable("TRADINGBOT_POSTGRES") is { Length: > 0 } ? null : ThrowawayPostgres.Start(),
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The kind chosen for this run; an unknown value fails the run instead of quietly running SQLite.</summary>
    public static EventStoreKind Kind { get; } = Environment.GetEnvironmentVariable("TRADINGBOT_EVENT_STORE") switch
    {
        null or "" or "sqlite" => EventStoreKind.Sqlite,
        "postgres" => EventStoreKind.Postgres,
        var other => throw new InvalidOperationException($"TRADINGBOT_EVENT_STORE is '{other}': it must be 'sqlite' or 'postgres'."),
    };

    /// <summary>The run's PostgreSQL server (started on the first call when none is given).</summary>
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("TRADINGBOT_POSTGRES") is { Length: > 0 } given ? given : Throwaway.Value!.ConnectionString;

    /// <summary>A new empty schema on the run's server: the connection string of a store in it.</summary>
    public static string NewSchema()
    {
        var schema = $"store_{Guid.NewGuid():N}";
        Execute(ServerConnectionString, $"CREATE SCHEMA {schema}");
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { SearchPath = schema }.ConnectionString;
    }

    /// <summary>Drops the schema of a store made by <see cref="NewSchema"/>, with everything in it.</summary>
    public static void DropSchema(string storeConnectionString)
    {
        var schema = new NpgsqlConnectionStringBuilder(storeConnectionString).SearchPath;
        Execute(ServerConnectionString, $"DROP SCHEMA IF EXISTS {schema} CASCADE");
    }

    /// <summary>Stops and deletes the throwaway cluster, if this run started one.</summary>
    public static void StopServer()
    {
        if (Throwaway.IsValueCreated)
            Throwaway.Value?.Dispose();
    }

    public static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
