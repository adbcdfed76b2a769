using System.Diagnostics;
using System.Text.RegularExpressions;

namespace TradingBot.Benchmarks.Runner;

/// <summary>One child process, timed from start to exit, with everything it printed.</summary>
public sealed record ProcessRun(string Command, int ExitCode, TimeSpan Wall, string Output)
{
    public static async Task<ProcessRun> StartAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        start.Environment["REQNROLL_TELEMETRY_ENABLED"] = "0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        var wall = Stopwatch.GetElapsedTime(started);
        return new ProcessRun($"{program} {string.Join(' ', arguments)}", process.ExitCode, wall,
            await standardOutput.ConfigureAwait(false) + await standardError.ConfigureAwait(false));
    }

    /// <summary>Throws with the output when the process failed or did not print <paramref name="expected"/>.</summary>
    public ProcessRun Expect(string expected)
    {
        // Runners pad their counts with spaces ("Passed:  1000"): compare with single spaces.
        if (ExitCode != 0 || !Regex.Replace(Output, @"[ \t]+", " ").Contains(expected, StringComparison.Ordinal))
            throw new InvalidOperationException($"`{Command}` exited with {ExitCode} without printing '{expected}':{Environment.NewLine}{Output}");
        return this;
    }
}
