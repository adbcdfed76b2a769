using System.Diagnostics;

namespace TradingBot.Benchmarks.Soak;

/// <summary>What the process holds at one moment: resident memory, the managed heap, open handles and threads.</summary>
public sealed record ProcessGauges(long ResidentBytes, long HeapBytes, int Handles, int Threads)
{
    public static ProcessGauges Read()
    {
        using var process = Process.GetCurrentProcess();
        // Handles: the process's open file descriptors (sockets, files, pipes, event fds) on Linux.
        var handles = Directory.Exists("/proc/self/fd") ? Directory.GetFileSystemEntries("/proc/self/fd").Length : process.HandleCount;
        return new ProcessGauges(process.WorkingSet64, GC.GetTotalMemory(forceFullCollection: false), handles, process.Threads.Count);
    }
}
