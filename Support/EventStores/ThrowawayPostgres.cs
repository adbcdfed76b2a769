using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TradingBot.Acceptance.Support.EventStores;

/// <summary>
/// A PostgreSQL cluster of the test run's own: <c>initdb</c> in a temporary directory, <c>pg_ctl</c> on a free
/// port of the loopback, no durability settings (the data dies with the run), stopped and deleted by
/// <see cref="Dispose"/>. <c>initdb</c> refuses to run as root, where CI runs: the cluster then belongs to
/// the unprivileged <c>postgres</c> user (<c>runuser -u postgres</c>).
/// </summary>
public sealed class ThrowawayPostgres : IDisposable
{
    private readonly string directory;
    private readonly string binaries;
    private bool stopped;

    private ThrowawayPostgres(string directory, string binaries, int port)
    {
        this.directory = directory;
        this.binaries = binaries;
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Timeout=10";
    }

    /// <summary>The superuser's connection to the cluster's <c>postgres</c> database.</summary>
    public string ConnectionString { get; }

    public static ThrowawayPostgres Start()
    {
        var binaries = FindBinaries();
        var directory = Path.Combine(Path.GetTempPath(), $"tradingbot-postgres-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        if (Environment.IsPrivilegedProcess)
            Run("chown", ["postgres", directory]);
        var port = FreePort();
        var cluster = new ThrowawayPostgres(directory, binaries, port);
        try
        {
            cluster.AsOwner("initdb", ["-D", cluster.Data, "-U", "postgres", "--auth=trust", "--no-locale", "-E", "UTF8", "--no-sync"]);
            cluster.AsOwner("pg_ctl", ["-D", cluster.Data, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60", "-o",
                $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off", "start"]);
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    private string Data => Path.Combine(directory, "data");

    public void Dispose()
    {
        if (stopped)
            return;
        stopped = true;
        try
        {
            if (Directory.Exists(Data) && File.Exists(Path.Combine(Data, "postmaster.pid")))
                AsOwner("pg_ctl", ["-D", Data, "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private void AsOwner(string program, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(binaries, program);
        if (Environment.IsPrivilegedProcess)
            Run("runuser", ["-u", "postgres", "--", path, .. arguments]);
        else
            Run(path, arguments);
    }

    // initdb and pg_ctl: on the PATH (a source build in /usr/local/bin), else Debian's newest /usr/lib/postgresql/N/bin.
    private static string FindBinaries()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .FirstOrDefault(folder => File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl")));
        if (onPath is not null)
            return onPath;
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(version => Path.Combine(version, "bin"))
                .Where(folder => File.Exists(Path.Combine(folder, "initdb"))).OrderByDescending(folder => folder, StringComparer.Ordinal).FirstOrDefault()
            : null;
        return debian ?? throw new InvalidOperationException(
            "TRADINGBOT_EVENT_STORE=postgres needs PostgreSQL's initdb and pg_ctl (scripts/setup installs Debian's postgresql), or a server in TRADINGBOT_POSTGRES.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} did not finish within 2 minutes.");
        }

        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {errors.Result}{output.Result}");
    }
}
