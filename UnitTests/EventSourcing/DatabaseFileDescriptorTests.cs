using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;

namespace TradingBot.Acceptance.UnitTests.EventSourcing;

/// <summary>Which descriptors of a database file the process holds, counted in <c>/proc/self/fd</c>.</summary>
[TestFixture]
[Platform("Linux")]
public sealed class DatabaseFileDescriptorTests
{
    private string folder = "";
    private string path = "";

    [SetUp]
    public void CreateFolder()
    {
        folder = Directory.CreateTempSubdirectory("database-descriptors-").FullName;
        path = Path.Combine(folder, "bot.db");
    }

    [TearDown]
    public void DeleteFolder()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Test]
    public void A_database_file_is_flushed_through_the_handle_SQLite_holds_and_no_descriptor_is_opened_or_closed()
    {
        using var connection = new SqliteConnection(SqliteDatabase.FileConnectionString(path, SqliteOpenMode.ReadWriteCreate));
        connection.Open();
        Run(connection, "PRAGMA journal_mode = WAL; CREATE TABLE fills (quantity TEXT); INSERT INTO fills VALUES ('1.5')");
        var descriptors = DescriptorsOnFile();
        descriptors.ShouldBePositive("SQLite holds the file open");

        DatabaseFileSync.Sync(connection).ShouldBeTrue("SQLite's file answered the sync");

        DescriptorsOnFile().ShouldBe(descriptors, "the sync went through SQLite's own descriptor of the file");
        Run(connection, "INSERT INTO fills VALUES ('2')");
    }

    [Test]
    public void Reads_at_once_up_to_the_readers_opened_ahead_open_no_more_files()
    {
        using var database = SqliteDatabase.OpenFile(path, new FakeTimeProvider());
        var opened = DescriptorsOnFile();

        var units = Enumerable.Range(0, SqliteDatabase.ReadersOpenedAhead).Select(_ => database.BeginRead()).ToList();
        try
        {
            foreach (var unit in units)
                unit.EventQueue.All().ShouldBeEmpty();
            DescriptorsOnFile().ShouldBe(opened, "every read took a reader opened with the database");

            units.Add(database.BeginRead());
            units[^1].EventQueue.All().ShouldBeEmpty();
            DescriptorsOnFile().ShouldBe(opened + 1, "a read beyond them opens a reader of its own");
        }
        finally
        {
            units.ForEach(unit => unit.Dispose());
        }
    }

    private static void Run(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    // Other tests running beside these open other files, so only the descriptors of this one are counted.
    private int DescriptorsOnFile() =>
        new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos().Count(descriptor => descriptor.LinkTarget == path);
}
