using System.Buffers;
using System.Text.Json;

namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// One open connection of the store with its statements kept prepared: a trade runs the same dozen
/// statements, so each is prepared once per connection and only rebound afterwards. What differs between
/// the databases (how a transaction begins, what a refused duplicate looks like) is each one's own.
/// </summary>
internal abstract class StoreConnection(bool isWriter) : IDisposable
{
    private readonly Dictionary<string, PreparedStatement> statements = new(StringComparer.Ordinal);

    /// <summary>Where the unit of work using this connection writes its payloads (one unit at a time uses it).</summary>
    public ArrayBufferWriter<byte> Buffer { get; } = new(1024);

    /// <summary>Writes into <see cref="Buffer"/>; reset before every payload.</summary>
    public Utf8JsonWriter Json { get; } = new(Stream.Null);

    /// <summary>What the unit of work using this connection remembers; reset by each unit, reused for its capacity.</summary>
    public UnitBookkeeping Book { get; } = new();

    /// <summary>The connection that every write unit taking its turn uses, one per database.</summary>
    public bool IsWriter { get; } = isWriter;

    /// <summary>
    /// A mark of the database's commits as this connection last read it, or <c>null</c> before the first read:
    /// it changes when any other connection commits, never for this connection's own commits.
    /// </summary>
    public long? KnownDataVersion { get; set; }

    /// <summary>The prepared statement for <paramref name="sql"/>; dispose it when done to reset it.</summary>
    public PreparedStatement Statement(string sql)
    {
        if (!statements.TryGetValue(sql, out var statement))
        {
            statement = Prepare(sql);
            statements.Add(sql, statement);
        }

        return statement;
    }

    /// <summary>The statements prepared on this connection so far.</summary>
    public IEnumerable<PreparedStatement> Prepared => statements.Values;

    /// <summary>
    /// Begins a transaction. A write one serializes with every other writer of the database, of this process
    /// or another, until it ends; a read one sees a snapshot.
    /// </summary>
    public abstract void Begin(bool write);

    public abstract void Commit();

    /// <summary>A transaction is open (SQLite ends it by itself after some errors).</summary>
    public abstract bool InTransaction { get; }

    /// <summary>The connection can no longer be used (e.g. the server ended its session): it is closed, not kept for the next unit.</summary>
    public virtual bool IsBroken => false;

    /// <summary>Rolls back, unless the database already ended the transaction.</summary>
    public abstract void Rollback();

    /// <summary>
    /// Runs an insert of event rows; <c>false</c> when a row's key (aggregate type, aggregate id, sequence) was
    /// taken, and then nothing of it is written and the transaction goes on.
    /// </summary>
    public abstract bool TryInsertEvents(PreparedStatement insert);

    protected abstract PreparedStatement Prepare(string sql);

    protected virtual void Close()
    {
    }

    public void Dispose()
    {
        foreach (var statement in statements.Values)
            statement.Close();
        statements.Clear();
        Json.Dispose();
        Close();
    }
}
