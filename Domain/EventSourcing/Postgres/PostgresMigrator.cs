using Npgsql;

namespace TradingBot.Acceptance.Domain.EventSourcing.Postgres;

/// <summary>
/// Brings a PostgreSQL store to the schema version this bot runs on, with the scripts of its dialect
/// (<c>Postgres/Migrations/0001_event_store.sql</c>, …, numbered as SQLite's), all in one transaction under the
/// store's writer lock: two instances starting together migrate once. A newer schema is refused, and so is an
/// older one the user may not migrate.
/// </summary>
internal static class PostgresMigrator
{
    private const string Prefix = "PostgresMigrations/";

    public static void Apply(NpgsqlConnection connection, long writerLock, DateTimeOffset now)
    {
        using var transaction = connection.BeginTransaction();
        Run(connection, "SELECT pg_advisory_xact_lock($1)", writerLock);
        // A schema of the search path that the user may not use is skipped, as if it did not exist.
        if (Scalar(connection, "SELECT current_schema()") is not string)
            throw new SchemaVersionException($"the user may not use schema {new NpgsqlConnectionStringBuilder(connection.ConnectionString).SearchPath ?? "public"} (it does not exist, or the user lacks USAGE on it)");
        if (Scalar(connection, "SELECT to_regclass('schema_migrations') IS NULL") is true)
            Run(connection, "CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)");
        var applied = Convert.ToInt32(Scalar(connection, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations"), System.Globalization.CultureInfo.InvariantCulture);
        var scripts = DatabaseMigrator.Scripts(Prefix);
        var known = scripts[^1].Version;
        if (applied > known)
            throw new SchemaVersionException($"it has schema version {applied}, newer than version {known}, the latest this bot knows");
        try
        {
            foreach (var (version, name) in scripts.Where(script => script.Version > applied))
            {
                Run(connection, DatabaseMigrator.ReadScript(Prefix, name));
                Run(connection, "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)", version, name, now.UtcDateTime);
            }
        }
        catch (PostgresException refused) when (refused.SqlState == PostgresErrorCodes.InsufficientPrivilege && applied > 0)
        {
            throw new SchemaVersionException($"it has schema version {applied}, older than version {known} this bot runs on, and the user may not migrate it: {refused.MessageText}", refused);
        }

        transaction.Commit();
    }

    private static void Run(NpgsqlConnection connection, string sql, params object[] values)
    {
        using var command = Command(connection, sql, values);
        command.ExecuteNonQuery();
    }

    private static object? Scalar(NpgsqlConnection connection, string sql)
    {
        using var command = Command(connection, sql, []);
        return command.ExecuteScalar();
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, object[] values)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }
}
