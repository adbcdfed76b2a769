using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using TradingBot.Acceptance.Domain.EventSourcing;

namespace TradingBot.Benchmarks.Pipeline;

/// <summary>
/// The ceiling: the rows one hedged fill writes (queue row, seven events, six view writes, lease and
/// queue mark; the store writes a row once per item, so the position's twice, not three times), in the
/// pipeline's transaction pattern (per round of fills, one per symbol: one enqueue transaction, one for
/// the trades and their orders, one for the broker's submissions followed by the fills),
/// as plain prepared statements on one connection with constant payloads of the real size, and without
/// the pipeline's per-fill savepoints. No loading, deciding or serializing. Statements
/// (BEGIN and COMMIT included) are prepared once and run through SQLite's C API with positional
/// parameters, as the event store runs its own, so the ratio compares the work and not the driver.
/// </summary>
public sealed class RawInsertWriter : IDisposable
{
    private const string PositionPayload = """{"Live":{"symbol":"AAPL","net":"-1","accumulated_long":"0","accumulated_short":"1","pending_execution_id":1,"threshold":{"Shares":"1"},"last_price_usdc":"100","last_updated":"2025-01-06T15:00:00Z"}}""";
    private const string EventPayload = """{"OnChainOrderFilled":{"trade_id":"0x00000000000000000000000000000000000000000000000000000000000001:0","amount":"1","direction":"Sell","price_usdc":"100","block_timestamp":"2025-01-06T14:59:48Z","seen_at":"2025-01-06T15:00:00Z"}}""";
    private const string OrderPayload = """{"Live":{"Submitted":{"symbol":"AAPL","shares":"1","direction":"Buy","executor":"DryRun","client_order_id":"6f1c2a4e-0000-4000-8000-000000000001","placed_at":"2025-01-06T15:00:00Z","broker_order_id":"1"}}}""";
    private const string QueueData = """{"token_symbol":"tAAPL","amount":"1","direction":"Sell","price_usdc":"100"}""";

    private readonly SqliteConnection connection;
    private readonly sqlite3_stmt begin;
    private readonly sqlite3_stmt commit;
    private readonly sqlite3_stmt enqueue;
    private readonly sqlite3_stmt insertEvent;
    private readonly sqlite3_stmt updatePosition;
    private readonly sqlite3_stmt insertPosition;
    private readonly sqlite3_stmt updateOrder;
    private readonly sqlite3_stmt insertOrder;
    private readonly sqlite3_stmt updateTrade;
    private readonly sqlite3_stmt insertTrade;
    private readonly sqlite3_stmt insertLock;
    private readonly sqlite3_stmt deleteLock;
    private readonly sqlite3_stmt markProcessed;
    private readonly Dictionary<string, long> sequences = new(StringComparer.Ordinal);
    private readonly WalCheckpointer? checkpointer;

    public RawInsertWriter(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        connection = database.OpenConnection(); // the store's connection settings
        checkpointer = new SqliteConnectionStringBuilder(database.ConnectionString).Mode == SqliteOpenMode.Memory ? null : new WalCheckpointer(database.OpenConnection());

        begin = Prepare("BEGIN IMMEDIATE");
        commit = Prepare("COMMIT");
        enqueue = Prepare("INSERT OR IGNORE INTO event_queue (tx_hash, log_index, block_number, event_data, created_at, block_timestamp) VALUES (?1, 0, ?2, ?3, ?4, ?4)");
        insertEvent = Prepare("INSERT INTO events (aggregate_type, aggregate_id, sequence, event_type, event_version, payload, metadata) VALUES (?1, ?2, ?3, ?4, '1.0', ?5, '{}')");
        (updatePosition, insertPosition) = PrepareViewWrites("position_view");
        (updateOrder, insertOrder) = PrepareViewWrites("offchain_order_view");
        (updateTrade, insertTrade) = PrepareViewWrites("onchain_trade_view");
        insertLock = Prepare("INSERT OR IGNORE INTO symbol_locks (symbol, locked_at) VALUES (?1, ?2)");
        deleteLock = Prepare("DELETE FROM symbol_locks WHERE symbol = ?1");
        markProcessed = Prepare("UPDATE event_queue SET processed = 1, processed_at = ?2 WHERE id = ?1");
    }

    /// <summary>Events written so far, to check that both sides write as many.</summary>
    public long Events { get; private set; }

    /// <summary>Writes <paramref name="fills"/> fills a round at a time, like <see cref="PipelineBot.RunAsync"/>.</summary>
    public void Run(IReadOnlyList<ChainEvent> fills, int round)
    {
        ArgumentNullException.ThrowIfNull(fills);
        for (var start = 0; start < fills.Count; start += round)
        {
            var end = Math.Min(start + round, fills.Count);
            Step(begin);
            for (var index = start; index < end; index++)
                Run(enqueue, fills[index].TxHash, fills[index].BlockNumber, QueueData, "2025-01-06T15:00:00Z");
            Commit();

            Step(begin);
            for (var index = start; index < end; index++)
                RecordTradeAndPlaceOrder(index);
            Commit();

            Step(begin);
            for (var index = start; index < end; index++)
                RecordSubmission(index);
            for (var index = start; index < end; index++)
                RecordFill(index);
            Commit();
        }
    }

    public void Dispose()
    {
        foreach (var statement in new[] { begin, commit, enqueue, insertEvent, updatePosition, insertPosition, updateOrder, insertOrder, updateTrade, insertTrade, insertLock, deleteLock, markProcessed })
            statement.Dispose();
        checkpointer?.Dispose();
        connection.Dispose();
    }

    private void RecordTradeAndPlaceOrder(int index)
    {
        var symbol = TradeFeed.Symbols[index % TradeFeed.Symbols.Count].Value;
        var order = (index + 1).ToString(CultureInfo.InvariantCulture);
        var trade = string.Create(CultureInfo.InvariantCulture, $"trade-{index}");
        if (!sequences.ContainsKey("Position/" + symbol))
            Append("Position", symbol, "PositionEvent::Initialized");
        Append("Position", symbol, "PositionEvent::OnChainOrderFilled"); // its view row is written once, below, as the store does
        Append("OnChainTrade", trade, "OnChainTradeEvent::Filled");
        WriteView(updateTrade, insertTrade, trade, 1L, EventPayload);
        Run(insertLock, symbol, "2025-01-06T15:00:00Z");
        Append("Position", symbol, "PositionEvent::OffChainOrderPlaced");
        WriteView(updatePosition, insertPosition, symbol, Sequence("Position", symbol), PositionPayload);
        Append("OffchainOrder", order, "OffchainOrderEvent::Placed");
        WriteView(updateOrder, insertOrder, order, 1L, OrderPayload);
        Run(markProcessed, index + 1L, "2025-01-06T15:00:00Z");
    }

    private void RecordSubmission(int index)
    {
        var order = (index + 1).ToString(CultureInfo.InvariantCulture);
        Append("OffchainOrder", order, "OffchainOrderEvent::Submitted");
        WriteView(updateOrder, insertOrder, order, 2L, OrderPayload);
    }

    private void RecordFill(int index)
    {
        var symbol = TradeFeed.Symbols[index % TradeFeed.Symbols.Count].Value;
        var order = (index + 1).ToString(CultureInfo.InvariantCulture);
        Append("OffchainOrder", order, "OffchainOrderEvent::Filled");
        WriteView(updateOrder, insertOrder, order, 3L, OrderPayload);
        Append("Position", symbol, "PositionEvent::OffChainOrderFilled");
        WriteView(updatePosition, insertPosition, symbol, Sequence("Position", symbol), PositionPayload);
        Run(deleteLock, symbol);
    }

    private void Commit()
    {
        Step(commit);
        checkpointer?.Committed();
    }

    private void Append(string type, string id, string eventType)
    {
        var key = type + "/" + id;
        var sequence = sequences.GetValueOrDefault(key) + 1;
        sequences[key] = sequence;
        Run(insertEvent, type, id, sequence, eventType, EventPayload);
        Events++;
    }

    private void WriteView(sqlite3_stmt update, sqlite3_stmt insert, string id, long version, string payload)
    {
        Run(update, id, version, payload);
        if (raw.sqlite3_changes(connection.Handle) == 0)
            Run(insert, id, version, payload);
    }

    private long Sequence(string type, string id) => sequences[type + "/" + id];

    private void Run(sqlite3_stmt statement, params object[] values)
    {
        for (var index = 0; index < values.Length; index++)
        {
            var result = values[index] switch
            {
                string text => raw.sqlite3_bind_text(statement, index + 1, text),
                long number => raw.sqlite3_bind_int64(statement, index + 1, number),
                _ => throw new ArgumentException($"Cannot bind {values[index]}.", nameof(values)),
            };
            Check(result);
        }

        Step(statement);
    }

    private void Step(sqlite3_stmt statement)
    {
        var result = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (result != raw.SQLITE_DONE)
            Check(result);
    }

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
            throw new SqliteException(raw.sqlite3_errmsg(connection.Handle).utf8_to_string(), result);
    }

    // As the event store writes a view row: an update, and an insert when there was no row to update.
    private (sqlite3_stmt Update, sqlite3_stmt Insert) PrepareViewWrites(string view) =>
        (Prepare($"UPDATE {view} SET version = ?2, payload = ?3 WHERE view_id = ?1"), Prepare($"INSERT INTO {view} (view_id, version, payload) VALUES (?1, ?2, ?3)"));

    private sqlite3_stmt Prepare(string sql)
    {
        Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement));
        return statement;
    }
}
