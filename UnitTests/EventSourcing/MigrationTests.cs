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
            ["chain_checkpoint", "equity_redemption_view", "event_queue", "events", "offchain_order_view", "onchain_trade_view", "position_view",
                "risk_control_view", "schema_migrations", "skipped_fills", "snapshots", "symbol_locks", "usdc_rebalance_view", "vault_registry_view"],
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
    public void The_indexed_generated_view_columns_are_stored_and_the_others_virtual()
    {
        using var database = SqliteDatabase.InMemory(new FakeTimeProvider(Start));

        Query(database.ConnectionString, """
            SELECT m.name || '.' || c.name || (CASE c.hidden WHEN 3 THEN ' stored' ELSE ' virtual' END)
            FROM sqlite_master AS m, pragma_table_xinfo(m.name) AS c
            WHERE m.type = 'table' AND c.hidden IN (2, 3) ORDER BY 1
            """)
            .ShouldBe(
                ["equity_redemption_view.status stored", "equity_redemption_view.symbol virtual", "offchain_order_view.status stored",
                    "position_view.last_updated stored", "position_view.net_position virtual", "position_view.symbol virtual",
                    "usdc_rebalance_view.direction virtual", "usdc_rebalance_view.status stored"],
                "generated columns");
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
