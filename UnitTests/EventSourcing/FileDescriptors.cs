namespace TradingBot.Acceptance.UnitTests.EventSourcing;

/// <summary>The process's descriptors open on one file, from <c>/proc/self/fd</c> (Linux: tests using it carry <c>[Platform("Linux")]</c>).</summary>
internal static class FileDescriptors
{
    // Other tests running beside the caller open other files, so only those of this path are counted.
    public static int On(string path) =>
        new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos().Count(descriptor => descriptor.LinkTarget == path);
}
