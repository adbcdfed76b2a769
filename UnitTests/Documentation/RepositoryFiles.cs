using System.Diagnostics;
using System.Reflection;

namespace TradingBot.Acceptance.UnitTests.Documentation;

/// <summary>The repository's text files as git sees them: tracked, or new and not ignored; binary files left out.</summary>
public static class RepositoryFiles
{
    public static string Root =>
        typeof(RepositoryFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "ProjectDirectory").Value!;

    public static IReadOnlyList<RepositoryFile> Text()
    {
        var start = new ProcessStartInfo("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"])
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var git = Process.Start(start) ?? throw new InvalidOperationException("git could not be started.");
        var listing = git.StandardOutput.ReadToEnd();
        var error = git.StandardError.ReadToEnd();
        git.WaitForExit();
        if (git.ExitCode != 0)
            throw new InvalidOperationException($"git ls-files failed in {Root} ({git.ExitCode}): {error}");

        return listing.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(path => (path, full: Path.Combine(Root, path)))
            .Where(file => File.Exists(file.full))
            .Select(file => (file.path, bytes: File.ReadAllBytes(file.full)))
            .Where(file => Array.IndexOf(file.bytes, (byte)0) < 0)
            .Select(file => new RepositoryFile(file.path, System.Text.Encoding.UTF8.GetString(file.bytes)))
            .ToList();
    }
}
