using System.Diagnostics.CodeAnalysis;

namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// Units of work of this process take turns here instead of inside SQLite. A blocked SQLite connection
/// sleeps and retries (milliseconds each time), and two shared-cache connections can even block each
/// other until the timeout: in memory every unit takes its turn, on file only writers (WAL readers
/// never block). A unit opened inside a unit this flow already holds does not wait for itself.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "Its semaphore never creates a wait handle; a unit may still leave after the database is disposed.")]
internal sealed class UnitGate(bool readersToo)
{
    private readonly SemaphoreSlim turn = new(1, 1);
    private readonly AsyncLocal<bool> holding = new();

    /// <summary>Waits for this unit's turn; <c>false</c> when it needs none (a reader on file, or nested).</summary>
    public bool Enter(bool write)
    {
        if ((!write && !readersToo) || holding.Value)
            return false;
        turn.Wait();
        holding.Value = true;
        return true;
    }

    public void Leave()
    {
        holding.Value = false;
        turn.Release();
    }
}
