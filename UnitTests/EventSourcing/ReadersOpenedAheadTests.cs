using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;

namespace TradingBot.Acceptance.UnitTests.EventSourcing;

[TestFixture]
public sealed class ReadersOpenedAheadTests
{
    [Test]
    [Platform("Linux")]
    public void Reads_at_once_up_to_the_readers_opened_ahead_open_no_more_files()
    {
        var folder = Directory.CreateTempSubdirectory("readers-ahead-").FullName;
        var path = Path.Combine(folder, "bot.db");
        try
        {
            using var database = SqliteDatabase.OpenFile(path, new FakeTimeProvider());
            var opened = FileDescriptors.On(path);

            var units = Enumerable.Range(0, SqliteDatabase.ReadersOpenedAhead).Select(_ => database.BeginRead()).ToList();
            try
            {
                foreach (var unit in units)
                    unit.EventQueue.All().ShouldBeEmpty();
                FileDescriptors.On(path).ShouldBe(opened, "every read took a reader opened with the database");

                units.Add(database.BeginRead());
                units[^1].EventQueue.All().ShouldBeEmpty();
                FileDescriptors.On(path).ShouldBe(opened + 1, "a read beyond them opens a reader of its own");
            }
            finally
            {
                units.ForEach(unit => unit.Dispose());
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
