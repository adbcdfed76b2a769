using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;

namespace TradingBot.Acceptance.UnitTests.EventSourcing;

[TestFixture]
public sealed class DatabaseFileTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2025, 1, 6, 15, 0, 0, TimeSpan.Zero));
    private string folder = "";
    private string path = "";

    [SetUp]
    public void CreateFolder()
    {
        folder = Path.Combine(Path.GetTempPath(), $"database-files-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        path = Path.Combine(folder, "bot.db");
    }

    [TearDown]
    public void DeleteFolder()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Test]
    public void Only_a_path_that_does_not_exist_creates_a_new_database()
    {
        var nested = Path.Combine(folder, "state", "bot.db");

        using (var database = SqliteDatabase.OpenFile(nested, clock))
            database.ReadEventLog().ShouldBeEmpty("a new database has no events");

        File.Exists(nested).ShouldBeTrue("the new database file");
        Directory.GetFiles(Path.Combine(folder, "state"), "*.new*").ShouldBeEmpty("no file left from building the new database");
    }

    [Test]
    public void An_empty_file_is_refused_and_stays_empty()
    {
        File.WriteAllBytes(path, []);

        Refusal().ShouldContain("is empty (zero length)");
        new FileInfo(path).Length.ShouldBe(0, "the refused file is left as it was");
    }

    [Test]
    public void A_file_that_is_not_a_database_is_refused()
    {
        File.WriteAllText(path, "symbol,quantity\nAAPL,1.5\n");

        Refusal().ShouldContain("is not a SQLite database");
    }

    [Test]
    public void A_file_cut_inside_its_header_is_refused_as_truncated()
    {
        var whole = WrittenDatabase();
        File.WriteAllBytes(path, whole[..60]);

        Refusal().ShouldContain("is truncated: 60 bytes");
    }

    [Test]
    public void A_file_missing_its_last_pages_is_refused_as_truncated()
    {
        var whole = WrittenDatabase();
        File.WriteAllBytes(path, whole[..(whole.Length - 4096)]);

        Refusal().ShouldContain($"is truncated: {whole.Length - 4096} bytes, its header says {whole.Length / 4096} pages");
    }

    [Test]
    public void A_file_cut_inside_a_page_is_refused_as_truncated()
    {
        var whole = WrittenDatabase();
        File.WriteAllBytes(path, whole[..(whole.Length - 1000)]);

        Refusal().ShouldContain("is truncated");
    }

    [Test]
    public void A_file_of_a_newer_schema_version_is_refused()
    {
        SqliteDatabase.OpenFile(path, clock).Dispose();
        Execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, '9999_future.sql', '2030-01-01T00:00:00Z')");

        Refusal().ShouldContain($"has schema version 9999, newer than version {DatabaseMigrator.Scripts()[^1].Version}");
    }

    [Test]
    public void A_database_of_something_else_is_refused()
    {
        Execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)");

        Refusal().ShouldContain("has tables but no schema_migrations");
    }

    [Test]
    [Platform("Linux")]
    public void A_database_file_is_flushed_through_the_handle_SQLite_holds_and_no_descriptor_is_opened_or_closed()
    {
        SqliteDatabase.OpenFile(path, clock).Dispose();
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        var descriptors = DescriptorsOnFile();
        descriptors.ShouldBePositive("SQLite holds the file open");

        DatabaseFileSync.Sync(connection).ShouldBeTrue("SQLite's file answered the sync");

        DescriptorsOnFile().ShouldBe(descriptors, "the sync went through SQLite's own descriptor of the file");
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM events";
        count.ExecuteScalar().ShouldBe(0L, "the connection reads on");
    }

    [Test]
    [Platform("Linux")]
    public void Reads_at_once_up_to_the_readers_opened_ahead_open_no_more_files()
    {
        using var database = SqliteDatabase.OpenFile(path, clock);
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

    // The process's descriptors open on the file (/proc/self/fd); tests running beside these open other files.
    private int DescriptorsOnFile() =>
        new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos().Count(descriptor => descriptor.LinkTarget == path);

    private string Refusal()
    {
        var refusal = Should.Throw<DatabaseFileException>(() => SqliteDatabase.OpenFile(path, clock).Dispose());
        refusal.Path.ShouldBe(path, "the refusal names the file");
        refusal.Message.ShouldStartWith($"The database file {path} ");
        return refusal.Message;
    }

    private byte[] WrittenDatabase()
    {
        SqliteDatabase.OpenFile(path, clock).Dispose();
        return File.ReadAllBytes(path);
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
