using System.Data;
using System.Data.Common;
using System.Globalization;
using Npgsql;
using TradingBot.Acceptance.Domain.EventSourcing;

namespace TradingBot.Benchmarks.Pipeline;

/// <summary>
/// What a timed run left in its database, counted after the run: events, on-chain trades, broker orders placed,
/// orders filled and queue rows processed. A benchmark compares it with what it asked for, so that a run that
/// skipped or doubled work fails instead of reporting a rate.
/// </summary>
public sealed record WrittenRows(long Events, long Trades, long Orders, long Fills, long Processed)
{
    /// <summary>
    /// What <paramref name="fills"/> hedged fills over <paramref name="symbols"/> symbols write, each hedged by its
    /// own order: per fill seven events (the trade; the position's on-chain fill, order placed and order filled; the
    /// order's placement, submission and fill), and once per symbol the position's first event.
    /// </summary>
    public static WrittenRows ForHedgedFills(int fills, int symbols) => For(fills, orders: fills, symbols);

    /// <summary>
    /// What <paramref name="fills"/> fills write when <paramref name="orders"/> broker orders hedged them (an order
    /// covers every fill of its symbol recorded while the previous one was pending), every order filled: two events
    /// per fill, five per order, one per symbol.
    /// </summary>
    public static WrittenRows For(long fills, long orders, int symbols) => new((2 * fills) + (5 * orders) + symbols, fills, orders, orders, fills);

    /// <summary>The rows the store holds, read over a connection of the benchmark's own, on either store.</summary>
    public static WrittenRows Count(EventStoreDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        using DbConnection connection = database is SqliteDatabase sqlite ? sqlite.OpenConnection() : new NpgsqlConnection(database.ConnectionString);
        if (connection.State != ConnectionState.Open)
            connection.Open();
        long Scalar(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        return new WrittenRows(
            Scalar("SELECT COUNT(*) FROM events"),
            Scalar("SELECT COUNT(*) FROM events WHERE event_type = 'OnChainTradeEvent::Filled'"),
            Scalar("SELECT COUNT(*) FROM events WHERE event_type = 'OffchainOrderEvent::Placed'"),
            Scalar("SELECT COUNT(*) FROM events WHERE event_type = 'OffchainOrderEvent::Filled'"),
            Scalar("SELECT COUNT(*) FROM event_queue WHERE processed = 1"));
    }

    /// <summary>Throws, naming both counts, unless this run wrote exactly <paramref name="expected"/>.</summary>
    public void ShouldBe(WrittenRows expected, string run)
    {
        if (this != expected)
            throw new InvalidOperationException($"{run} wrote {this}, where {expected} was asked: the run's rate would not measure the work it claims.");
    }
}
