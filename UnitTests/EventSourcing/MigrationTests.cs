using System.Globalization;
using NUnit.Framework;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;

namespace TradingBot.Acceptance.UnitTests.EventSourcing;

[TestFixture]
public sealed class MigrationTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 6, 15, 0, 0, TimeSpan.Zero);

    [Test]
    public void An_empty_database_gets_every_table_and_view_of_the_event_store()
    {
        using var database = SqliteDatabase.InMemory(new FakeTimeProvider(Start));

        var tables = Query(database.ConnectionString, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");

        tables.ShouldBe(
            ["equity_redemption_view", "event_queue", "events", "offchain_order_view", "onchain_trade_view", "position_view",
                "schema_migrations", "snapshots", "symbol_locks", "usdc_rebalance_view", "vault_registry_view"],
            ignoreOrder: true,
            "tables after migrating an empty database");
        Query(database.ConnectionString, "SELECT version || ' ' || name || ' ' || applied_at FROM schema_migrations ORDER BY version")[0]
            .ShouldBe("1 0001_event_store.sql 2025-01-06T15:00:00.0000000Z", "the first migration's record");
    }

    [Test]
    public void Migrations_are_numbered_and_applied_in_order()
    {
        var scripts = DatabaseMigrator.Scripts();

        scripts[0].ShouldBe((1, "0001_event_store.sql"), "the first script");
        scripts.Select(script => script.Version).ShouldBe(scripts.Select(script => script.Version).Order(), "versions in ascending order");
    }

    [Test]
    public void Reopening_a_database_file_applies_nothing_twice()
    {
        var path = Path.Combine(Path.GetTempPath(), $"migrations-{Guid.NewGuid():N}.db");
        try
        {
            var clock = new FakeTimeProvider(Start);
            SqliteDatabase.OpenFile(path, clock).Dispose();
            using (var reopened = SqliteDatabase.OpenFile(path, clock))
            {
                Query(reopened.ConnectionString, "SELECT COUNT(*) FROM schema_migrations")
                    .ShouldBe([DatabaseMigrator.Scripts().Count.ToString(CultureInfo.InvariantCulture)], "one record per script");
                Query(reopened.ConnectionString, "PRAGMA journal_mode").ShouldBe(["wal"], "journal mode of a database file");
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
            File.Delete(path + "-wal");
            File.Delete(path + "-shm");
        }
    }

    [Test]
    public void The_indexed_view_columns_become_stored_and_keep_the_rows_written_before()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Run(connection, """
            CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);
            INSERT INTO schema_migrations VALUES (1, '0001_event_store.sql', 'before'), (2, '0002_rebalancing_views.sql', 'before');
            """);
        Run(connection, Script("0001_event_store.sql") + Script("0002_rebalancing_views.sql"));
        Run(connection, """
            INSERT INTO offchain_order_view (view_id, version, payload) VALUES ('7', 2, '{"Live":{"Submitted":{"symbol":"AAPL"}}}');
            INSERT INTO position_view (view_id, version, payload) VALUES ('AAPL', 3, '{"Live":{"symbol":"AAPL","net":"-1","last_updated":"2025-01-06T15:00:00Z"}}');
            """);

        DatabaseMigrator.Apply(connection, Start);

        Rows(connection, "SELECT view_id || ' ' || version || ' ' || status FROM offchain_order_view INDEXED BY idx_offchain_order_view_status WHERE status = 'Submitted'")
            .ShouldBe(["7 2 Submitted"], "the order written before, found through the status index");
        Rows(connection, "SELECT symbol || ' ' || net_position || ' ' || last_updated FROM position_view INDEXED BY idx_position_view_last_updated WHERE last_updated > ''")
            .ShouldBe(["AAPL -1 2025-01-06T15:00:00Z"], "the position written before, found through the last_updated index");
        Rows(connection, """
            SELECT table_name || '.' || name FROM (
                SELECT 'offchain_order_view' AS table_name, name, hidden FROM pragma_table_xinfo('offchain_order_view')
                UNION ALL SELECT 'position_view', name, hidden FROM pragma_table_xinfo('position_view')
                UNION ALL SELECT 'usdc_rebalance_view', name, hidden FROM pragma_table_xinfo('usdc_rebalance_view')
                UNION ALL SELECT 'equity_redemption_view', name, hidden FROM pragma_table_xinfo('equity_redemption_view'))
            WHERE hidden = 3 ORDER BY 1
            """)
            .ShouldBe(["equity_redemption_view.status", "offchain_order_view.status", "position_view.last_updated", "usdc_rebalance_view.status"], "stored generated columns");
    }

    private static string Script(string name)
    {
        using var stream = typeof(DatabaseMigrator).Assembly.GetManifestResourceStream("Migrations/" + name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static void Run(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<string> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(reader.GetString(0));
        return rows;
    }

    internal static List<string> Query(string connectionString, string sql)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        return rows;
    }
}
