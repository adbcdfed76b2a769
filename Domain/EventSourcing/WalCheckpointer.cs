using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// Copies a database file's write-ahead log back into the file on a thread of its own. SQLite's automatic
/// checkpoint runs inside the commit that crosses its threshold: that commit then writes a thousand pages
/// and waits for two fsyncs, which cost the writers more than all their own commits (measured: 70 µs per
/// small commit without it, 170–240 µs with it, on this machine). Here writers never checkpoint; every
/// <see cref="CommitsPerCheckpoint"/> commits they wake this thread, which checkpoints passively (it never
/// blocks a reader or a writer). Public so that the raw-insert benchmark pays for its log exactly as the store does.
/// <para>
/// A passive checkpoint never restarts the log: SQLite writes it from its beginning again only when a writer
/// finds every frame copied, and with commits every few milliseconds one has always come in meanwhile, so the
/// log grows for as long as the writers write. Past <see cref="MaxLogPages"/> this thread restarts it. Passive
/// passes copy beside the writers until one copied at most <see cref="FramesLeftToRestart"/> frames; the restart
/// then copies what came in during that short pass, in the writers' turn (<see cref="UnitGate"/>), and the
/// writers of this process are handed the turn the moment it ends. (Beside them, a restart held SQLite's write
/// lock while they slept in its busy handler, by steps of up to 100 ms: in a soak at 1,000 fills/s it took
/// 50–800 ms every few seconds, and in some windows most of the slowest 1 % of the fills overlapped one.)
/// Before the turn the file is synced (<see cref="DatabaseFileSync"/>): a passive pass syncs it only when it
/// copied the whole log, so every page copied since the last restart waited for the restart's sync, in the
/// writers' turn (28–41 ms of it, seen with strace).
/// Readers still on the log are waited for <see cref="ReaderWait"/> at most, and a restart they prevent is
/// tried at the next checkpoint; past four times <see cref="MaxLogPages"/> they are waited for as long as it takes.
/// </para>
/// </summary>
public sealed class WalCheckpointer : IDisposable
{
    /// <summary>The span of a restart, traced while it holds the writers' turn.</summary>
    public const string RestartSpan = "wal.restart";

    public const int CommitsPerCheckpoint = 200;
    public const int MaxLogPages = 32_768;

    /// <summary>
    /// A restart in the writers' turn follows a passive pass that copied at most this many frames, a short one (or
    /// <see cref="CatchUpPasses"/> passes): what is left for the restart to copy came in during that pass.
    /// </summary>
    public const int FramesLeftToRestart = 256;

    /// <summary>Passive passes at most before a restart: each copies what came in during the one before.</summary>
    public const int CatchUpPasses = 4;

    /// <summary>How long a restart in the writers' turn waits for readers still on the log.</summary>
    public static readonly TimeSpan ReaderWait = TimeSpan.FromMilliseconds(20);

    // Once the log is this long, readers that kept it from restarting are waited for as long as it takes.
    private const int LongestLogPages = 4 * MaxLogPages;

    private readonly SqliteConnection connection;
    private readonly UnitGate? writers;
    private readonly ActivitySource? tracing;
    private readonly SemaphoreSlim due = new(0, 1);
    private readonly CancellationTokenSource stopping = new();
    private readonly Task running;
    private int commits;

    /// <summary>
    /// Checkpoints through <paramref name="connection"/>, an open connection to the file, which it owns; with no
    /// writers' turn to take, it restarts the log beside the writers (the raw-insert benchmark has one).
    /// </summary>
    public WalCheckpointer(SqliteConnection connection)
        : this(connection, writers: null)
    {
    }

    /// <param name="writers">The turns of the database's writers, taken to restart the log; none: beside them.</param>
    /// <param name="tracing">Where each restart is traced (<see cref="RestartSpan"/>), if anywhere.</param>
    internal WalCheckpointer(SqliteConnection connection, UnitGate? writers, ActivitySource? tracing = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        this.connection = connection;
        this.writers = writers;
        this.tracing = tracing;
        running = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>A writer committed; every so many commits the log is copied back.</summary>
    public void Committed()
    {
        if (Interlocked.Increment(ref commits) % CommitsPerCheckpoint != 0)
            return;
        try
        {
            due.Release();
        }
        catch (SemaphoreFullException)
        {
            // a checkpoint is due already; it will copy these commits too
        }
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

            var (pages, copied) = Checkpoint("PASSIVE");
            if (pages <= MaxLogPages)
                continue;
            // Until a pass copied everything and little had come in during the pass before it (so it was short).
            for (var (pass, before) = (0, 0L); pass < CatchUpPasses && (pages - before > FramesLeftToRestart || copied < pages); pass++)
            {
                before = pages;
                (pages, copied) = Checkpoint("PASSIVE");
            }
            // What the passes copied reaches the disk beside the writers, not in their turn (should this sync fail, the
            // restart's own sync flushes it, as before).
            DatabaseFileSync.Sync(connection);
            Restart(pages > LongestLogPages ? null : ReaderWait);
        }
    }

    // Copies what is left and starts the log from its beginning, in the writers' turn, waiting for readers still on
    // the log up to readerWait (null: the connection's busy timeout); a restart they prevent is tried again later.
    private void Restart(TimeSpan? readerWait)
    {
        var turn = writers?.Enter(write: true) ?? false;
        var held = tracing?.StartActivity(RestartSpan); // the writers wait from here until the turn is left
        var busyTimeout = readerWait is null ? null : Execute("PRAGMA busy_timeout");
        try
        {
            if (readerWait is { } wait)
                Execute($"PRAGMA busy_timeout = {(int)wait.TotalMilliseconds}");
            Checkpoint("RESTART");
        }
        finally
        {
            if (busyTimeout is not null)
                Execute($"PRAGMA busy_timeout = {busyTimeout}");
            held?.Dispose();
            if (turn)
                writers!.Leave();
        }
    }

    // The frames in the log and those copied to the file; a checkpoint that fails (the file went away, the disk is
    // full) is left to the next one and, at the latest, to SQLite's own checkpoint when the last connection closes.
    private (long Pages, long Copied) Checkpoint(string mode)
    {
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA wal_checkpoint({mode})";
            using var reader = command.ExecuteReader();
            return reader.Read() ? (reader.GetInt64(1), reader.GetInt64(2)) : (0, 0);
        }
        catch (SqliteException)
        {
            return (0, 0);
        }
    }

    // The statement's first value, or null when it has none or fails (then so does the checkpoint, left to the next round).
    private object? Execute(string sql)
    {
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return command.ExecuteScalar();
        }
        catch (SqliteException)
        {
            return null;
        }
    }
}
