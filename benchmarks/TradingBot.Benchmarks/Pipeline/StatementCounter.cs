using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace TradingBot.Benchmarks.Pipeline;

/// <summary>
/// Counts the commands and batches Npgsql sends (its <c>Npgsql</c> activities: one per round trip, the commit's
/// excepted) and the statements in them, by text, while it lives: what the pipeline asks of PostgreSQL per fill.
/// </summary>
public sealed class StatementCounter : IDisposable
{
    private readonly ConcurrentDictionary<string, int> statements = new(StringComparer.Ordinal);
    private readonly ActivityListener listener;
    private int roundTrips;
    private int prepared;

    public StatementCounter()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = Stopped,
        };
        ActivitySource.AddActivityListener(listener);
    }

    /// <summary>The round trips and the most frequent statements, each per fill.</summary>
    public string Report(int fills)
    {
        var lines = statements.OrderByDescending(pair => pair.Value).Take(25)
            .Select(pair => string.Create(CultureInfo.InvariantCulture, $"  {(double)pair.Value / fills,6:N2}  {Shorten(pair.Key)}"));
        return string.Create(CultureInfo.InvariantCulture, $"{(double)roundTrips / fills:N2} round trips per fill (commits not counted; {(double)prepared / roundTrips:P0} prepared), {(double)statements.Values.Sum() / fills:N2} statements:{Environment.NewLine}")
            + string.Join(Environment.NewLine, lines);
    }

    public void Dispose() => listener.Dispose();

    private static string Shorten(string sql) => sql.Length > 110 ? sql[..110] + "…" : sql;

    private void Stopped(Activity activity)
    {
        Interlocked.Increment(ref roundTrips);
        if (activity.GetTagItem("db.npgsql.prepared") is true)
            Interlocked.Increment(ref prepared);
        var text = activity.GetTagItem("db.query.text") as string ?? activity.DisplayName;
        foreach (var statement in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            statements.AddOrUpdate(statement, 1, static (_, count) => count + 1);
    }
}
