using Microsoft.Data.Sqlite;

namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// Creates a database file where none exists. SQLite would create a zero-length file first and write its
/// header later, so a crash in between would leave an empty file, which the next start rightly refuses.
/// The new store is therefore built complete under a name of its own and only then moved to the path; when
/// another process got there first, its file is kept and this one discarded.
/// </summary>
internal static class NewDatabaseFile
{
    public static void Create(string path, TimeProvider clock)
    {
        var directory = Path.GetDirectoryName(path) ?? ".";
        Directory.CreateDirectory(directory);
        var building = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.new");
        try
        {
            using (var connection = new SqliteConnection(SqliteDatabase.FileConnectionString(building, SqliteOpenMode.ReadWriteCreate)))
            {
                connection.Open();
                using (var wal = connection.CreateCommand())
                {
                    wal.CommandText = "PRAGMA journal_mode = WAL";
                    wal.ExecuteNonQuery();
                }

                DatabaseMigrator.Apply(connection, clock.GetUtcNow());
            }

            // Closing the only connection checkpointed the log into the file and removed it.
            File.Move(building, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created the file in the meantime: open that one.
        }
        finally
        {
            foreach (var leftover in new[] { building, building + "-wal", building + "-shm" })
                File.Delete(leftover);
        }
    }
}
