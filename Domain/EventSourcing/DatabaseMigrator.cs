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
    public static IReadOnlyList<(int Version, string Name)> Scripts() =>
        [.. typeof(DatabaseMigrator).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => name[Prefix.Length..])
            .Select(name => (Version: int.Parse(name[..4], CultureInfo.InvariantCulture), Name: name))
            .OrderBy(script => script.Version)];

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
        script.CommandText = ReadScript(name);
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

    private static string ReadScript(string name)
    {
        using var stream = typeof(DatabaseMigrator).Assembly.GetManifestResourceStream(Prefix + name)
            ?? throw new InvalidOperationException($"Migration {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
