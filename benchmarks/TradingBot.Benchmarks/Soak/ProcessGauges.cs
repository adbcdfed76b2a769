using System.Diagnostics;

namespace TradingBot.Benchmarks.Soak;

/// <summary>
/// What the process holds at one moment: resident memory, the managed heap, open handles, threads, and how many of
/// those threads are the thread pool's workers.
/// </summary>
public sealed record ProcessGauges(long ResidentBytes, long HeapBytes, int Handles, int Threads, int PoolThreads)
{
    /// <summary>The threads the process started for itself: the runtime's, the bot's own, the node's server's.</summary>
    public int OtherThreads => Threads - PoolThreads;

    public static ProcessGauges Read()
    {
        using var process = Process.GetCurrentProcess();
        // Handles: the process's open file descriptors (sockets, files, pipes, event fds) on Linux.
        var handles = Directory.Exists("/proc/self/fd") ? Directory.GetFileSystemEntries("/proc/self/fd").Length : process.HandleCount;
        return new ProcessGauges(process.WorkingSet64, GC.GetTotalMemory(forceFullCollection: false), handles, process.Threads.Count, ThreadPool.ThreadCount);
    }
}
