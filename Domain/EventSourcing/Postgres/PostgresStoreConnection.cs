using System.Data;
using Npgsql;

namespace TradingBot.Acceptance.Domain.EventSourcing.Postgres;

/// <summary>
/// A PostgreSQL connection of the store. A write transaction runs at READ COMMITTED after taking the store's
/// transaction-level advisory lock (<c>pg_advisory_xact_lock</c>), held until it commits or rolls back: writers
/// of every process on the store follow each other as SQLite's <c>BEGIN IMMEDIATE</c> makes them, so each
/// statement sees every earlier writer's commits and the <c>rowid</c> order of events is their commit order.
/// A read transaction is a REPEATABLE READ snapshot. Savepoints (<c>SAVEPOINT</c>, <c>RELEASE</c>) wait and go to the
/// server with the next statement, in one round trip (<see cref="Defer"/>): they return nothing, and each item of a
/// unit and each append takes one.
/// The writer's <see cref="StoreConnection.KnownDataVersion"/> is the <c>rowid</c> of the last event it knows of:
/// the store's last when its unit began, plus the events the unit committed (<see cref="LastEvent"/>).
/// With a <see cref="LeadershipFence"/> (active/standby), a write transaction commits only if its last statement,
/// <c>leadership_fence</c>, finds this instance holding the lease in its term, unexpired on the server's clock;
/// and a transaction left open longer than the lease (a paused process) is ended by the server, so that it holds
/// neither the writer lock nor the lease row from the instance that takes over.
/// </summary>
internal sealed class PostgresStoreConnection : StoreConnection
{
    private readonly NpgsqlConnection connection;
    private readonly long writerLock;
    private readonly LeadershipFence? fence;
    private readonly List<NpgsqlBatchCommand> deferred = [];
    private readonly NpgsqlBatch batch; // each statement's round trip: the deferred ones, then it
    private NpgsqlTransaction? transaction;
    private bool writing;
    private long appended;
    private bool undone;

    public PostgresStoreConnection(NpgsqlConnection connection, long writerLock, bool isWriter, LeadershipFence? fence)
        : base(isWriter)
    {
        this.connection = connection;
        this.writerLock = writerLock;
        this.fence = fence;
        batch = new NpgsqlBatch(connection);
        if (fence is null)
            return;
        using var limit = new NpgsqlCommand($"SET idle_in_transaction_session_timeout = {(long)fence.Duration.TotalMilliseconds}", connection);
        limit.ExecuteNonQuery();
    }

    public override void Begin(bool write)
    {
        transaction = connection.BeginTransaction(write ? IsolationLevel.ReadCommitted : IsolationLevel.RepeatableRead);
        writing = write;
        if (!write)
            return;
        using var take = Statement("SELECT pg_advisory_xact_lock(?1)");
        take.Bind(1, writerLock).Execute();
    }

    public override void Commit()
    {
        if (writing && fence is not null)
            CheckFence(fence);
        var ending = transaction ?? throw new InvalidOperationException("No transaction is open.");
        transaction = null;
        deferred.Clear(); // the commit releases every savepoint
        var known = KnownDataVersion;
        KnownDataVersion = null; // unknown, should the commit fail
        using (ending)
            ending.Commit();

        // Writers follow each other, so its events took the rowids after the last one it knew, unless a rollback
        // to a savepoint left a gap: then the next unit finds another last event and forgets its cache.
        if (!undone)
            KnownDataVersion = known + appended;
        (appended, undone) = (0, false);
    }

    public override bool InTransaction => transaction is not null;

    // A session the server ended (an idle transaction past its timeout, a restart) is not reused.
    public override bool IsBroken => connection.FullState != ConnectionState.Open;

    public override void Rollback()
    {
        var ending = transaction;
        transaction = null;
        deferred.Clear();
        (appended, undone) = (0, false);
        if (ending is null)
            return;
        using (ending)
        {
            if (connection.State == ConnectionState.Open)
                ending.Rollback();
        }
    }

    // A failed statement aborts PostgreSQL's whole transaction: the insert runs in a savepoint of its own, so
    // that a taken sequence number undoes the insert alone, as in SQLite.
    public override bool TryInsertEvents(PreparedStatement insert)
    {
        using (var mark = Statement("SAVEPOINT append_events"))
            mark.Execute();
        try
        {
            appended += insert.Execute();
        }
        catch (PostgresException refused) when (refused.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            using var back = Statement("ROLLBACK TO SAVEPOINT append_events");
            back.Execute();
            return false;
        }

        using var release = Statement("RELEASE SAVEPOINT append_events");
        release.Execute();
        return true;
    }

    /// <summary>A statement that returns nothing and whose outcome nobody waits for: it runs before the next one, in its round trip.</summary>
    public void Defer(string sql) => deferred.Add(new NpgsqlBatchCommand(sql));

    // The transaction is rolled back by the caller's unit of work when this throws.
    private void CheckFence(LeadershipFence held)
    {
        try
        {
            using var check = Statement("SELECT leadership_fence(?1, ?2)");
            check.Bind(1, held.Holder).Bind(2, held.Term).Execute();
        }
        catch (PostgresException refused) when (refused.SqlState == FenceRefused)
        {
            throw new LeadershipLostException($"The database refused a write of {held.Holder}: {refused.MessageText}.", refused);
        }
    }

    private const string FenceRefused = "TB001";

    /// <summary>Runs <paramref name="command"/> after the deferred statements: the rows it changed.</summary>
    public int Execute(NpgsqlBatchCommand command)
    {
        undone |= command.CommandText.StartsWith("ROLLBACK TO ", StringComparison.Ordinal);
        WithDeferred(command).ExecuteNonQuery();
        return command.RecordsAffected;
    }

    /// <summary>Runs <paramref name="command"/> after the deferred statements, adding its rows to <paramref name="rows"/>.</summary>
    public void Read(NpgsqlBatchCommand command, List<object[]> rows)
    {
        using var reader = WithDeferred(command).ExecuteReader(); // savepoints have no rows: it starts on the command's
        while (reader.Read())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(values);
        }
    }

    /// <summary>The <c>rowid</c> of the store's last event, 0 when it has none: read in a writer's transaction, after its lock.</summary>
    public long LastEvent()
    {
        using var last = Statement("SELECT MAX(rowid) FROM events");
        return last.ScalarInt64() ?? 0;
    }

    protected override PreparedStatement Prepare(string sql) => new PostgresStatement(this, sql);

    private NpgsqlBatch WithDeferred(NpgsqlBatchCommand command)
    {
        batch.BatchCommands.Clear();
        foreach (var waiting in deferred)
            batch.BatchCommands.Add(waiting);
        deferred.Clear(); // sent, whatever comes back
        batch.BatchCommands.Add(command);
        return batch;
    }

    protected override void Close()
    {
        batch.Dispose();
        connection.Dispose();
    }
}
