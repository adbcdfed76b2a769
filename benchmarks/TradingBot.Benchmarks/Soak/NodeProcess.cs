using System.Diagnostics;
using System.Globalization;

namespace TradingBot.Benchmarks.Soak;

/// <summary>
/// The soak's node (<see cref="SoakNode"/>) in a child process: this program started again with <c>--soak-node</c>,
/// the same runtime and settings. Its errors go to this process's error output; a node that exits or says
/// something unexpected fails the soak with what it said. Disposing it kills the process if it is still running.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private static readonly TimeSpan Answer = TimeSpan.FromSeconds(60);
    private readonly Process process;
    private readonly string bookkeeping;

    private NodeProcess(Process process, string bookkeeping, Uri webSocketUri)
    {
        this.process = process;
        this.bookkeeping = bookkeeping;
        WebSocketUri = webSocketUri;
    }

    /// <summary>Where the bot connects.</summary>
    public Uri WebSocketUri { get; }

    public static async Task<NodeProcess> StartAsync(TimeSpan duration, string folder)
    {
        var bookkeeping = Path.Combine(folder, "node-fills.bin");
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { typeof(NodeProcess).Assembly.Location, "--soak-node", duration.TotalSeconds.ToString(CultureInfo.InvariantCulture), bookkeeping })
            start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("The soak's node process did not start.");
        try
        {
            var uri = Expect(await ReadAsync(process).ConfigureAwait(false), "node");
            return new NodeProcess(process, bookkeeping, new Uri(uri));
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Starts the feed with fill 0 due at <paramref name="started"/>, after checking that the node's process reads the
    /// same monotonic clock: the timestamp it answers with must fall between this process's before and after.
    /// </summary>
    public async Task FeedAsync(long started)
    {
        await SayAsync(string.Create(CultureInfo.InvariantCulture, $"feed {started}")).ConfigureAwait(false);
        var theirs = long.Parse(Expect(await ReadAsync(process).ConfigureAwait(false), "feeding"), CultureInfo.InvariantCulture);
        var after = Stopwatch.GetTimestamp();
        if (theirs < started || theirs > after)
            throw new InvalidOperationException($"The node's process does not share this process's monotonic clock ({theirs} not in {started}–{after}): latencies across them would be wrong.");
    }

    /// <summary>The CPU time the node's process has used so far.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    /// <summary>Completes once the node has submitted every fill.</summary>
    public async Task FedAsync() => Expect(await ReadAsync(process, Timeout.InfiniteTimeSpan).ConfigureAwait(false), "fed");

    /// <summary>Stops the node; returns each fill's due time and when its confirming block was mined (0 if not).</summary>
    public async Task<(long[] Scheduled, long[] Confirmed)> StopAsync()
    {
        await SayAsync("stop").ConfigureAwait(false);
        Expect(await ReadAsync(process).ConfigureAwait(false), "done");
        using var reader = new BinaryReader(File.OpenRead(bookkeeping));
        return MinedFills.ReadFrom(reader);
    }

    public async ValueTask DisposeAsync()
    {
        process.StandardInput.Close(); // the end of its input stops a node still running
        using var exited = new CancellationTokenSource(Answer);
        try
        {
            await process.WaitForExitAsync(exited.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

    private async Task SayAsync(string line)
    {
        await process.StandardInput.WriteLineAsync(line).ConfigureAwait(false);
        await process.StandardInput.FlushAsync().ConfigureAwait(false);
    }

    private static async Task<string?> ReadAsync(Process process, TimeSpan? within = null)
    {
        using var answered = new CancellationTokenSource(within ?? Answer);
        try
        {
            return await process.StandardOutput.ReadLineAsync(answered.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The soak's node process said nothing for {(within ?? Answer).TotalSeconds:N0} s.");
        }
    }

    // The rest of a line "<word> <rest>", or the whole line after "<word>" alone; anything else fails the soak.
    private static string Expect(string? line, string word) =>
        line == word ? string.Empty
        : line is not null && line.StartsWith(word + " ", StringComparison.Ordinal) ? line[(word.Length + 1)..]
        : throw new InvalidOperationException(line is null
            ? $"The soak's node process ended before saying \"{word}\" (its errors are above)."
            : $"The soak's node process said \"{line}\" where \"{word}\" was expected.");
}
