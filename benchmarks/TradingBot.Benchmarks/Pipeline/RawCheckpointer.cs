using Microsoft.Data.Sqlite;

namespace TradingBot.Benchmarks.Pipeline;

/// <summary>
/// The raw ceiling's copy of the event store's checkpointing on a database file: its writer never
/// checkpoints (<c>wal_autocheckpoint = 0</c>), and every 200 commits a thread of its own runs a passive
/// checkpoint, as <c>WalCheckpointer</c> does for the store, so that both sides pay the same for the log.
/// </summary>
public sealed class RawCheckpointer : IDisposable
{
    private const int CommitsPerCheckpoint = 200;

    private readonly SqliteConnection connection;
    private readonly SemaphoreSlim due = new(0, 1);
    private readonly CancellationTokenSource stopping = new();
    private readonly Task running;
    private int commits;

    public RawCheckpointer(string connectionString)
    {
        connection = new SqliteConnection(connectionString);
        connection.Open();
        running = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public void Committed()
    {
        if (Interlocked.Increment(ref commits) % CommitsPerCheckpoint == 0 && due.CurrentCount == 0)
            due.Release();
    }

    public void Dispose()
    {
        stopping.Cancel();
        running.Wait();
        stopping.Dispose();
        due.Dispose();
        connection.Dispose();
    }

    private void Run()
    {
        using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        while (true)
        {
            try
            {
                due.Wait(stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            checkpoint.ExecuteNonQuery();
        }
    }
}
