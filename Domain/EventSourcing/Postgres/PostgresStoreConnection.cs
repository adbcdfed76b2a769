using System.Data;
using Npgsql;

namespace TradingBot.Acceptance.Domain.EventSourcing.Postgres;

/// <summary>
/// A PostgreSQL connection of the store. A write transaction runs at READ COMMITTED after taking the store's
/// transaction-level advisory lock (<c>pg_advisory_xact_lock</c>), held until it commits or rolls back: writers
/// of every process on the store follow each other as SQLite's <c>BEGIN IMMEDIATE</c> makes them, so each
/// statement sees every earlier writer's commits and the <c>rowid</c> order of events is their commit order.
/// A read transaction is a REPEATABLE READ snapshot.
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
    private NpgsqlTransaction? transaction;
    private bool writing;

    public PostgresStoreConnection(NpgsqlConnection connection, long writerLock, bool isWriter, LeadershipFence? fence)
        : base(isWriter)
    {
        this.connection = connection;
        this.writerLock = writerLock;
        this.fence = fence;
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
        using (ending)
            ending.Commit();
    }

    public override bool InTransaction => transaction is not null;

    // A session the server ended (an idle transaction past its timeout, a restart) is not reused.
    public override bool IsBroken => connection.FullState != ConnectionState.Open;

    public override void Rollback()
    {
        var ending = transaction;
        transaction = null;
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
            insert.Execute();
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

    protected override PreparedStatement Prepare(string sql) => new PostgresStatement(connection, sql);

    protected override void Close() => connection.Dispose();
}
