using System.Diagnostics;

namespace TradingBot.Benchmarks.Soak;

/// <summary>
/// What the process holds at one moment: resident memory, the managed heap, open handles, threads, and how many of
/// those threads the runtime starts and ends by itself as the load goes: the thread pool's workers and the
/// background collector's thread, which ends after seconds without a collection; and how long the garbage collector
/// has paused the process's threads since it started. Of resident memory, what the garbage collector has committed (as
/// of its last collection) and what SQLite has allocated (its page caches, mostly) say where a growth is.
/// </summary>
public sealed record ProcessGauges(
    long ResidentBytes, long HeapBytes, long CommittedBytes, long SqliteBytes, int Handles, int Threads, int PoolThreads, int CollectorThreads, TimeSpan Paused)
{
    /// <summary>The threads that stay for as long as what started them: the runtime's others and the bot's own.</summary>
    public int OtherThreads => Threads - PoolThreads - CollectorThreads;

    public static ProcessGauges Read()
    {
        using var process = Process.GetCurrentProcess();
        // Handles: the process's open file descriptors (sockets, files, pipes, event fds) on Linux.
        var handles = Directory.Exists("/proc/self/fd") ? Directory.GetFileSystemEntries("/proc/self/fd").Length : process.HandleCount;
        var (threads, pool, collector) = Directory.Exists("/proc/self/task") ? CountByName() : (process.Threads.Count, ThreadPool.ThreadCount, 0);
        return new ProcessGauges(process.WorkingSet64, GC.GetTotalMemory(forceFullCollection: false), GC.GetGCMemoryInfo().TotalCommittedBytes,
            SQLitePCL.raw.sqlite3_memory_used(), handles, threads, pool, collector, GC.GetTotalPauseDuration());
    }

    // The runtime names its threads (".NET TP Worker", ".NET BGC"); a thread that ends while being read is not counted.
    private static (int Threads, int Pool, int Collector) CountByName()
    {
        var (threads, pool, collector) = (0, 0, 0);
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            string name;
            try
            {
                name = File.ReadAllText(Path.Combine(task, "comm")).TrimEnd('\n');
            }
            catch (IOException)
            {
                continue;
            }

            threads++;
            pool += name == ".NET TP Worker" ? 1 : 0;
            collector += name == ".NET BGC" ? 1 : 0;
        }

        return (threads, pool, collector);
    }
}
