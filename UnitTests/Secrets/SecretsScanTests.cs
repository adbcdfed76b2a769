using System.Net;
using System.Net.Sockets;
using System.Text;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Support;
using TradingBot.Acceptance.Support.World;

namespace TradingBot.Acceptance.UnitTests.Secrets;

/// <summary>
/// Seeds distinctive credentials into every adapter, fails every call of every adapter in every way a
/// venue can (refused credentials, 4xx and 5xx that reflect the request and its headers, unreadable and
/// misshapen answers, timeouts, refused connections, a token answer without expiry), and looks for the
/// secrets, their base64 and their first characters in everything the bot leaves behind: the event
/// store's rows and file bytes, its log lines, the exceptions and results, and a failed scenario's report.
/// </summary>
[TestFixture]
[Category("secrets")]
public sealed class SecretsScanTests
{
    private static readonly string[] Columns = ["rowid", "aggregate", "id", "sequence", "event", "payload"];

    [Test]
    public async Task No_secret_reaches_an_event_a_log_an_exception_or_a_report()
    {
        var directory = Directory.CreateTempSubdirectory("secrets-scan-");
        var scan = new LeakScan();
        var unreached = new List<string>();
        var logs = new CapturedLogs();
        using var loggers = logs.Factory();
        var serial = 0;
        try
        {
            foreach (var path in BrokerFailurePaths.All.Concat(VenueFailurePaths.All).Concat(RebalancingFailurePaths.All))
                foreach (var fault in path.Faults())
                {
                    var run = await DriveAsync(path, fault, directory.FullName, ++serial, scan, logs, loggers);
                    if (!run)
                        unreached.Add($"{path.Name} / {fault}");
                }
        }
        finally
        {
            directory.Delete(recursive: true);
        }

        await TestContext.Out.WriteLineAsync(scan.Table());
        await TestContext.Out.WriteLineAsync("Secrets tried (each also as its first 10 characters and its base64):");
        foreach (var (name, value) in SeededSecrets.Values)
            await TestContext.Out.WriteLineAsync($"  {name}: {value}");
        await TestContext.Out.WriteLineAsync("  and the HTTP Basic credentials built from the Alpaca broker, Alpaca venue and Schwab app key pairs");
        unreached.ShouldBeEmpty("failure paths whose venue call was never made: the fault was not driven");
        scan.Leaks().ShouldBeEmpty("secrets found");
    }

    /// <summary>Drives one path with one fault and hands everything it left to the scan; false when the driven call was never made.</summary>
    private static async Task<bool> DriveAsync(
        FailurePath path, VenueFault fault, string directory, int serial, LeakScan scan, CapturedLogs logs, Microsoft.Extensions.Logging.ILoggerFactory loggers)
    {
        var label = $"{path.Name} / {fault}";
        using var venue = new HostileVenue(fault, path.Driven, path.Spare);
        var clock = new ScenarioClock();
        var file = Path.Combine(directory, $"run-{serial}.db");
        using var database = SqliteDatabase.OpenFile(file, clock);
        var run = new PathRun(fault == VenueFault.ConnectionRefused ? ClosedPort() : venue.Url, fault, clock, database, loggers, serial);
        string outcome;
        try
        {
            var work = path.Drive(run);
            if (path.ClockGoverned && fault == VenueFault.Timeout)
            {
                await venue.HeldAsync();
                await clock.AdvancePastTimerAsync(PathRun.BrokerHttp.RequestTimeout);
            }
            outcome = Describe(path.ClockGoverned ? await work : await clock.RunUntilCompleteAsync(work));
        }
        catch (Exception exception) when (exception is not ShouldAssertException)
        {
            scan.Add(label, "exceptions and results", exception.Message);
            outcome = exception.ToString();
        }
        scan.Add(label, "exceptions and results", outcome);
        var rows = database.ReadEventLog();
        scan.AddAll(label, "event store", rows.Select(row => $"{row.AggregateType} {row.AggregateId} {row.EventName} {row.Payload}"));
        scan.Add(label, "event store", FileText(file) + FileText(file + "-wal"));
        var lines = logs.Drain();
        scan.AddAll(label, "logs", lines);
        scan.Add(label, "failure report", Report(rows, outcome, lines));
        return fault == VenueFault.ConnectionRefused || venue.FaultedRequests > 0;
    }

    /// <summary>What a failed scenario's report shows: the step's error, then the event log and the log as the diagnostics tables print them.</summary>
    private static string Report(IReadOnlyList<RecordedEvent> rows, string outcome, IReadOnlyList<string> lines) =>
        string.Join(Environment.NewLine,
            outcome,
            new DiagnosticTable("Event log", Columns, [.. rows.Select(row => (IReadOnlyList<string>)[
                row.GlobalPosition.ToString(System.Globalization.CultureInfo.InvariantCulture), row.AggregateType, row.AggregateId,
                row.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), row.EventName, row.Payload])]).ToText(),
            new DiagnosticTable("Log", ["line"], [.. lines.Select(line => (IReadOnlyList<string>)[line])]).ToText());

    private static string Describe(object? result) => result switch
    {
        null => "(nothing)",
        string text => text,
        System.Collections.IEnumerable items => string.Join("; ", items.Cast<object?>().Select(Describe)),
        _ => result.ToString() ?? "",
    };

    /// <summary>The bytes of a database file as text (Latin-1 keeps every byte), so nothing hides outside the rows.</summary>
    private static string FileText(string file)
    {
        if (!File.Exists(file))
            return "";
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return Encoding.Latin1.GetString(memory.ToArray());
    }

    private static Uri ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }
}
