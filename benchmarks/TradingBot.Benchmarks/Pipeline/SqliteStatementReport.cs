using System.Globalization;
using TradingBot.Acceptance.Domain.EventSourcing;

namespace TradingBot.Benchmarks.Pipeline;

/// <summary>
/// What the pipeline asked of SQLite per fill, from SQLite's own counts on the store's connections
/// (<see cref="SqliteDatabase.StatementRuns"/>): the runs of each statement, transactions included, the pages
/// the commits wrote and the pages read into the connections' caches; beside the raw ceiling's pages, which writes the same rows.
/// </summary>
public static class SqliteStatementReport
{
    public static string Of(SqliteDatabase database, int fills)
    {
        ArgumentNullException.ThrowIfNull(database);
        var counts = database.StatementRuns();
        var runs = counts.Runs;
        var lines = runs.Where(pair => pair.Value > 0).OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => string.Create(CultureInfo.InvariantCulture, $"  {(double)pair.Value / fills,6:N2}  {Shorten(pair.Key)}"));
        return string.Create(CultureInfo.InvariantCulture, $"{(double)runs.Values.Sum() / fills:N2} statements per fill, {(double)counts.PagesWritten / fills:N2} pages written per fill, "
            + $"{(double)counts.WriterPagesRead / fills:N2} read by the writer and {(double)counts.ReaderPagesRead / fills:N2} by the readers:{Environment.NewLine}")
            + string.Join(Environment.NewLine, lines);
    }

    private static string Shorten(string sql)
    {
        var line = string.Join(' ', sql.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));
        return line.Length > 140 ? line[..140] + "…" : line;
    }
}
