using Microsoft.Data.Sqlite;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;

namespace TradingBot.Acceptance.UnitTests.EventSourcing;

[TestFixture]
public sealed class DatabaseFileSyncTests
{
    [Test]
    [Platform("Linux")]
    public void A_database_file_is_flushed_through_the_handle_SQLite_holds_and_no_descriptor_is_opened_or_closed()
    {
        var folder = Directory.CreateTempSubdirectory("database-file-sync-").FullName;
        try
        {
            var path = Path.Combine(folder, "bot.db");
            using var connection = new SqliteConnection(SqliteDatabase.FileConnectionString(path, SqliteOpenMode.ReadWriteCreate));
            connection.Open();
            Run(connection, "PRAGMA journal_mode = WAL; CREATE TABLE fills (quantity TEXT); INSERT INTO fills VALUES ('1.5')");
            var descriptors = FileDescriptors.On(path);
            descriptors.ShouldBePositive("SQLite holds the file open");

            DatabaseFileSync.Sync(connection).ShouldBeTrue("SQLite's file answered the sync");

            FileDescriptors.On(path).ShouldBe(descriptors, "the sync went through SQLite's own descriptor of the file");
            Run(connection, "INSERT INTO fills VALUES ('2')");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Run(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
