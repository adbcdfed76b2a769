using System.Globalization;
using System.Reflection;
using Microsoft.Data.Sqlite;

namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// Applies the numbered embedded scripts (<c>Migrations/0001_event_store.sql</c>, …) that
/// <c>schema_migrations</c> does not list yet, each in its own transaction, in number order.
/// </summary>
public static class DatabaseMigrator
{
    private const string Prefix = "Migrations/";

    /// <summary>The embedded scripts in the order they apply: (version, name).</summary>
    public static IReadOnlyList<(int Version, string Name)> Scripts() => Scripts(Prefix);

    /// <summary>The embedded scripts under <paramref name="prefix"/>, one folder per database dialect.</summary>
    internal static IReadOnlyList<(int Version, string Name)> Scripts(string prefix) =>
        [.. typeof(DatabaseMigrator).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => name[prefix.Length..])
            .Select(name => (Version: int.Parse(name[..4], CultureInfo.InvariantCulture), Name: name))
            .OrderBy(script => script.Version)];

    /// <summary>
    /// Refuses a file whose schema this bot cannot run on: a newer version than its scripts know (written by
    /// a newer bot), or tables of something else without the bot's <c>schema_migrations</c>.
    /// </summary>
    public static void CheckSchema(SqliteConnection connection, string path)
    {
        using var tables = connection.CreateCommand();
        tables.CommandText = "SELECT COUNT(*), COUNT(*) FILTER (WHERE name = 'schema_migrations') FROM sqlite_master WHERE type = 'table'";
        using (var reader = tables.ExecuteReader())
        {
            reader.Read();
            if (reader.GetInt64(1) == 0)
            {
                if (reader.GetInt64(0) > 0)
                    throw new DatabaseFileException(path, "is a SQLite database of something else: it has tables but no schema_migrations");
                return;
            }
        }

        using var version = connection.CreateCommand();
        version.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
        var applied = Convert.ToInt32(version.ExecuteScalar(), CultureInfo.InvariantCulture);
        var known = Scripts()[^1].Version;
        if (applied > known)
            throw new DatabaseFileException(path, $"has schema version {applied}, newer than version {known}, the latest this bot knows");
    }

    public static void Apply(SqliteConnection connection, DateTimeOffset now)
    {
        using (var create = connection.CreateCommand())
        {
            create.CommandText = """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    applied_at TEXT NOT NULL)
                """;
            create.ExecuteNonQuery();
        }

        foreach (var (version, name) in Scripts())
            ApplyOne(connection, version, name, now);
    }

    private static void ApplyOne(SqliteConnection connection, int version, string name, DateTimeOffset now)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        using var check = connection.CreateCommand();
        check.Transaction = transaction;
        check.CommandText = "SELECT COUNT(*) FROM schema_migrations WHERE version = $version";
        check.Parameters.AddWithValue("$version", version);
        if (Convert.ToInt64(check.ExecuteScalar(), CultureInfo.InvariantCulture) > 0)
            return;

        using var script = connection.CreateCommand();
        script.Transaction = transaction;
        script.CommandText = ReadScript(Prefix, name);
        script.ExecuteNonQuery();

        using var record = connection.CreateCommand();
        record.Transaction = transaction;
        record.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($version, $name, $applied_at)";
        record.Parameters.AddWithValue("$version", version);
        record.Parameters.AddWithValue("$name", name);
        record.Parameters.AddWithValue("$applied_at", Rfc3339.Format(now));
        record.ExecuteNonQuery();
        transaction.Commit();
    }

    internal static string ReadScript(string prefix, string name)
    {
        using var stream = typeof(DatabaseMigrator).Assembly.GetManifestResourceStream(prefix + name)
            ?? throw new InvalidOperationException($"Migration {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
