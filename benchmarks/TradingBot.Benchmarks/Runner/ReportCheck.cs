using System.Text.Json;

namespace TradingBot.Benchmarks.Runner;

/// <summary>
/// The reports of one timed run, checked after it: both files exist, each holds one <c>testCase</c> message per
/// scenario, and the NDJSON has every test case started and finished. A run whose reports are missing or short
/// did less work than it is timed for, so the comparison fails instead. Also counts the workers the run used: the
/// most test cases under way at once, from the NDJSON's start and finish times (Reqnroll leaves its messages'
/// <c>workerId</c> empty, cucumber-js fills it only in parallel).
/// </summary>
public static class ReportCheck
{
    private const string TestCase = "{\"testCase\":{";

    /// <returns>The number of workers: the most test cases started and not yet finished at one time.</returns>
    public static int Verify(string html, string ndjson, int scenarios, string run)
    {
        foreach (var report in new[] { html, ndjson })
        {
            if (!File.Exists(report))
                throw new InvalidOperationException($"{run} wrote no report {report}.");
            var testCases = Occurrences(File.ReadAllText(report), TestCase);
            if (testCases != scenarios)
                throw new InvalidOperationException($"{run}: {report} holds {testCases} test cases where {scenarios} ran.");
        }

        var changes = new List<(long Time, int Change)>();
        foreach (var line in File.ReadLines(ndjson))
        {
            var (name, change) = line.StartsWith("{\"testCaseStarted\":", StringComparison.Ordinal) ? ("testCaseStarted", 1)
                : line.StartsWith("{\"testCaseFinished\":", StringComparison.Ordinal) ? ("testCaseFinished", -1) : (null, 0);
            if (name is null)
                continue;
            using var message = JsonDocument.Parse(line);
            var timestamp = message.RootElement.GetProperty(name).GetProperty("timestamp");
            changes.Add((timestamp.GetProperty("seconds").GetInt64() * 1_000_000_000 + timestamp.GetProperty("nanos").GetInt64(), change));
        }

        if (changes.Count(change => change.Change > 0) != scenarios || changes.Count(change => change.Change < 0) != scenarios)
            throw new InvalidOperationException($"{run}: {ndjson} does not start and finish each of the {scenarios} test cases once.");
        var (workers, running) = (0, 0);
        foreach (var (_, change) in changes.OrderBy(change => change.Time).ThenBy(change => change.Change)) // a finish before a start at the same time
            workers = Math.Max(workers, running += change);
        return workers;
    }

    private static int Occurrences(string text, string value)
    {
        var (count, at) = (0, text.IndexOf(value, StringComparison.Ordinal));
        for (; at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
