using System.Diagnostics;
using NUnit.Framework;

namespace TradingBot.Acceptance.UnitTests.Processes;

/// <summary>
/// The bot's host program as a real process (<c>Host/</c>, built by <c>scripts/test</c>): started on a
/// configuration file and a database file, killed with SIGKILL (no <c>Dispose</c>, no <c>finally</c> runs in it)
/// or stopped with SIGTERM.
/// </summary>
public sealed class BotProcess : IDisposable
{
    private readonly Process process;
    private readonly TaskCompletionSource running = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> output = [];

    private BotProcess(Process process, string? logPath)
    {
        this.process = process;
        LogPath = logPath;
    }

    /// <summary>The operator log the process was given, if any.</summary>
    public string? LogPath { get; }

    /// <summary>The instance's name as it printed it once running (the leadership lease's holder), or <c>null</c> before.</summary>
    public string? InstanceId { get; private set; }

    /// <summary>Where its operator API listens, as it printed once running, or <c>null</c> when it has none.</summary>
    public Uri? OperatorApi { get; private set; }

    public static string HostAssembly { get; } = Path.Combine(RepositoryRoot(), "Host", "bin", "Debug", "net10.0", "TradingBot.Host.dll");

    /// <summary>What the process printed so far (stdout and stderr).</summary>
    public string Output
    {
        get
        {
            lock (output)
                return string.Join('\n', output);
        }
    }

    /// <param name="databasePath">The SQLite file; <c>null</c> when the configuration names a PostgreSQL store.</param>
    /// <param name="logPath">The operator log; by default beside the database file.</param>
    public static BotProcess Start(string configPath, string? databasePath, string? logPath = null)
    {
        if (!File.Exists(HostAssembly))
            Assert.Fail($"The bot's host program is not built ({HostAssembly}): run 'dotnet build Host/TradingBot.Host.csproj' (scripts/test does).");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] arguments = [HostAssembly, "--config", configPath, .. databasePath is null ? [] : new[] { "--database", databasePath }, .. logPath is null ? [] : new[] { "--log", logPath }];
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        var bot = new BotProcess(Process.Start(start)!, logPath);
        bot.process.OutputDataReceived += (_, line) => bot.Record(line.Data);
        bot.process.ErrorDataReceived += (_, line) => bot.Record(line.Data);
        bot.process.BeginOutputReadLine();
        bot.process.BeginErrorReadLine();
        return bot;
    }

    /// <summary>Waits until the bot says it runs (its tasks started); fails with what it printed if it exits first.</summary>
    public async Task WaitUntilRunningAsync(TimeSpan patience)
    {
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(running.Task, exited, Task.Delay(patience));
        if (first != running.Task)
            Assert.Fail($"The bot did not start within {patience.TotalSeconds} s (exited: {process.HasExited}):\n{Output}");
    }

    /// <summary>Waits until the process ends by itself (e.g. refusing to start); its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        await process.WaitForExitAsync(timeout.Token);
        process.WaitForExit(); // the output read to its end
        return process.ExitCode;
    }

    /// <summary>kill -9: the process ends at once, whatever it was doing.</summary>
    public async Task KillAsync()
    {
        process.Kill();
        await process.WaitForExitAsync();
    }

    /// <summary>SIGSTOP: the process is frozen where it is, as by a long pause of its machine, until <see cref="ResumeAsync"/>.</summary>
    public Task PauseAsync() => SignalAsync("-STOP");

    /// <summary>SIGCONT: a paused process goes on from where it stopped.</summary>
    public Task ResumeAsync() => SignalAsync("-CONT");

    /// <summary>SIGTERM: the bot stops gracefully.</summary>
    public async Task StopAsync(TimeSpan patience)
    {
        await SignalAsync("-TERM");
        using var timeout = new CancellationTokenSource(patience);
        await process.WaitForExitAsync(timeout.Token);
    }

    private async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", [signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!process.HasExited)
            process.Kill();
        process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null)
            return;
        lock (output)
            output.Add(line);
        if (line.StartsWith("instance: ", StringComparison.Ordinal))
            InstanceId = line["instance: ".Length..];
        if (line.StartsWith("operator API: ", StringComparison.Ordinal))
            OperatorApi = new Uri(line["operator API: ".Length..]);
        if (line == "running")
            running.TrySetResult();
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "TradingBot.Acceptance.csproj")))
                return folder.FullName;
        throw new InvalidOperationException("The repository root (TradingBot.Acceptance.csproj) is not above the test assembly.");
    }
}
