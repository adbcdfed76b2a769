using System.Globalization;
using TradingBot.Acceptance.Domain.EventSourcing;

namespace TradingBot.Benchmarks.Pipeline;

/// <summary>
/// The ceiling: the rows one hedged fill writes (queue row, seven events, six view writes, lease and
/// queue mark; the store writes a row once per item, so the position's twice, not three times), in the
/// pipeline's transaction pattern (per round of fills, one per symbol: one enqueue transaction, one for
/// the trades and their orders, one for the broker's submissions followed by the fills),
/// as plain prepared statements on one connection with constant payloads of the real size, and without
/// the pipeline's per-fill savepoints. No loading, deciding or serializing. Each database runs them its own
/// way, as its event store runs its own statements (<see cref="SqliteRawInserts"/>, <see cref="PostgresRawInserts"/>).
/// </summary>
public abstract class RawInsertWriter : IDisposable
{
    private const string PositionPayload = """{"Live":{"symbol":"AAPL","net":"-1","accumulated_long":"0","accumulated_short":"1","pending_execution_id":1,"threshold":{"Shares":"1"},"last_price_usdc":"100","last_updated":"2025-01-06T15:00:00Z"}}""";
    private const string EventPayload = """{"OnChainOrderFilled":{"trade_id":"0x00000000000000000000000000000000000000000000000000000000000001:0","amount":"1","direction":"Sell","price_usdc":"100","block_timestamp":"2025-01-06T14:59:48Z","seen_at":"2025-01-06T15:00:00Z"}}""";
    private const string QueueData = """{"token_symbol":"tAAPL","amount":"1","direction":"Sell","price_usdc":"100"}""";
    private const string OrderPayload = """{"Live":{"Submitted":{"symbol":"AAPL","shares":"1","direction":"Buy","executor":"DryRun","client_order_id":"6f1c2a4e-0000-4000-8000-000000000001","placed_at":"2025-01-06T15:00:00Z","broker_order_id":"1"}}}""";
    private const string Now = "2025-01-06T15:00:00Z";

    private readonly Dictionary<string, long> sequences = new(StringComparer.Ordinal);

    /// <summary>The statements, in SQL both databases read (<c>?1</c> is PostgreSQL's <c>$1</c>), indexed by <see cref="Row"/>.</summary>
    protected static readonly string[] Sql =
    [
        "INSERT INTO event_queue (tx_hash, log_index, block_number, event_data, created_at, block_timestamp) VALUES (?1, 0, ?2, ?3, ?4, ?4) ON CONFLICT DO NOTHING",
        "INSERT INTO events (aggregate_type, aggregate_id, sequence, event_type, event_version, payload, metadata) VALUES (?1, ?2, ?3, ?4, '1.0', ?5, '{}')",
        .. ViewWrites("position_view"),
        .. ViewWrites("offchain_order_view"),
        .. ViewWrites("onchain_trade_view"),
        "INSERT INTO symbol_locks (symbol, locked_at) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
        "DELETE FROM symbol_locks WHERE symbol = ?1",
        "UPDATE event_queue SET processed = 1, processed_at = ?2 WHERE id = ?1",
    ];

    /// <summary>The rows written, in the order of <see cref="Sql"/>.</summary>
    protected enum Row
    {
        Enqueue,
        InsertEvent,
        UpdatePosition,
        InsertPosition,
        UpdateOrder,
        InsertOrder,
        UpdateTrade,
        InsertTrade,
        InsertLock,
        DeleteLock,
        MarkProcessed,
    }

    /// <summary>The ceiling on the database of <paramref name="database"/>, with a connection of its own.</summary>
    public static RawInsertWriter For(EventStoreDatabase database) =>
        database is SqliteDatabase sqlite ? new SqliteRawInserts(sqlite) : new PostgresRawInserts(database.ConnectionString);

    /// <summary>Events written so far, to check that both sides write as many.</summary>
    public long Events { get; private set; }

    /// <summary>Writes <paramref name="fills"/> fills a round at a time, like <see cref="PipelineBot.RunAsync"/>.</summary>
    public void Run(IReadOnlyList<ChainEvent> fills, int round)
    {
        ArgumentNullException.ThrowIfNull(fills);
        for (var start = 0; start < fills.Count; start += round)
        {
            var end = Math.Min(start + round, fills.Count);
            Begin();
            for (var index = start; index < end; index++)
                Write(Row.Enqueue, fills[index].TxHash, fills[index].BlockNumber, QueueData, Now);
            Commit();

            Begin();
            for (var index = start; index < end; index++)
                RecordTradeAndPlaceOrder(index);
            Commit();

            Begin();
            for (var index = start; index < end; index++)
                RecordSubmission(index);
            for (var index = start; index < end; index++)
                RecordFill(index);
            Commit();
        }
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);

    /// <summary>Begins a write transaction as the event store does on this database.</summary>
    protected abstract void Begin();

    protected abstract void Commit();

    /// <summary>Runs the row's statement with <paramref name="values"/> (text or integers): the rows it changed.</summary>
    protected abstract int Write(Row row, params object[] values);

    private void RecordTradeAndPlaceOrder(int index)
    {
        var symbol = TradeFeed.Symbols[index % TradeFeed.Symbols.Count].Value;
        var order = (index + 1).ToString(CultureInfo.InvariantCulture);
        var trade = string.Create(CultureInfo.InvariantCulture, $"trade-{index}");
        if (!sequences.ContainsKey("Position/" + symbol))
            Append("Position", symbol, "PositionEvent::Initialized");
        Append("Position", symbol, "PositionEvent::OnChainOrderFilled"); // its view row is written once, below, as the store does
        Append("OnChainTrade", trade, "OnChainTradeEvent::Filled");
        WriteView(Row.UpdateTrade, trade, 1L, EventPayload);
        Write(Row.InsertLock, symbol, Now);
        Append("Position", symbol, "PositionEvent::OffChainOrderPlaced");
        WriteView(Row.UpdatePosition, symbol, Sequence("Position", symbol), PositionPayload);
        Append("OffchainOrder", order, "OffchainOrderEvent::Placed");
        WriteView(Row.UpdateOrder, order, 1L, OrderPayload);
        Write(Row.MarkProcessed, index + 1L, Now);
    }

    private void RecordSubmission(int index)
    {
        var order = (index + 1).ToString(CultureInfo.InvariantCulture);
        Append("OffchainOrder", order, "OffchainOrderEvent::Submitted");
        WriteView(Row.UpdateOrder, order, 2L, OrderPayload);
    }

    private void RecordFill(int index)
    {
        var symbol = TradeFeed.Symbols[index % TradeFeed.Symbols.Count].Value;
        var order = (index + 1).ToString(CultureInfo.InvariantCulture);
        Append("OffchainOrder", order, "OffchainOrderEvent::Filled");
        WriteView(Row.UpdateOrder, order, 3L, OrderPayload);
        Append("Position", symbol, "PositionEvent::OffChainOrderFilled");
        WriteView(Row.UpdatePosition, symbol, Sequence("Position", symbol), PositionPayload);
        Write(Row.DeleteLock, symbol);
    }

    private void Append(string type, string id, string eventType)
    {
        var key = type + "/" + id;
        var sequence = sequences.GetValueOrDefault(key) + 1;
        sequences[key] = sequence;
        Write(Row.InsertEvent, type, id, sequence, eventType, EventPayload);
        Events++;
    }

    // As the event store writes a view row: an update, and an insert (the row after it) when there was no row to update.
    private void WriteView(Row update, string id, long version, string payload)
    {
        if (Write(update, id, version, payload) == 0)
            Write(update + 1, id, version, payload);
    }

    private long Sequence(string type, string id) => sequences[type + "/" + id];

    private static string[] ViewWrites(string view) =>
        [$"UPDATE {view} SET version = ?2, payload = ?3 WHERE view_id = ?1", $"INSERT INTO {view} (view_id, version, payload) VALUES (?1, ?2, ?3)"];
}
