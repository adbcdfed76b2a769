using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// Flushes a connection's database file to the disk through SQLite's own handle of it (its file's <c>xSync</c>, as
/// SQLite calls it at the end of a checkpoint). A passive checkpoint syncs the file only when it copied the whole
/// log, which under steady writes it never does, so the file's copied pages wait in the system's cache for the
/// checkpoint that restarts the log, in the writers' turn. Syncing them before that turn leaves the restart little
/// to flush. Not a descriptor of its own: closing any descriptor of a file drops every lock the process holds on
/// it (POSIX record locks), SQLite's among them.
/// </summary>
internal static class DatabaseFileSync
{
    private const int FileControlFilePointer = 7; // SQLITE_FCNTL_FILE_POINTER, which SQLitePCLRaw does not name
    private const int SyncNormal = 2; // SQLITE_SYNC_NORMAL

    // sqlite3_io_methods: an int (padded to a pointer), then xClose, xRead, xWrite, xTruncate, xSync.
    private static readonly int SyncMethodOffset = 5 * IntPtr.Size;

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int FileSync(IntPtr file, int flags);

    /// <summary>Whether the main database file of <paramref name="connection"/>, open and used by this thread only, reached the disk.</summary>
    public static bool Sync(SqliteConnection connection)
    {
        if (sqlite3_file_control(connection.Handle!.DangerousGetHandle(), "main\0"u8.ToArray(), FileControlFilePointer, out var file) != 0)
            return false;
        var methods = file == IntPtr.Zero ? IntPtr.Zero : Marshal.ReadIntPtr(file);
        var sync = methods == IntPtr.Zero ? IntPtr.Zero : Marshal.ReadIntPtr(methods, SyncMethodOffset);
        return sync != IntPtr.Zero && Marshal.GetDelegateForFunctionPointer<FileSync>(sync)(file, SyncNormal) == 0;
    }

    // The native library Microsoft.Data.Sqlite runs on (SQLitePCLRaw's e_sqlite3), whose binding does not offer this call;
    // with SQLITE_FCNTL_FILE_POINTER its argument is where SQLite writes its file's address.
    [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl)]
    private static extern int sqlite3_file_control(IntPtr database, byte[] name, int operation, out IntPtr file);
}
