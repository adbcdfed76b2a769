using System.Diagnostics.CodeAnalysis;

namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// Units of work of this process take turns here instead of inside SQLite. A blocked SQLite connection
/// sleeps and retries (milliseconds each time), and two shared-cache connections can even block each
/// other until the timeout: in memory every unit takes its turn, on file only writers (WAL readers
/// never block). A unit opened inside a unit this flow already holds does not wait for itself.
/// <para>
/// Turns are first come, first served: the leaving unit hands the turn to the longest waiter. (A
/// semaphore lets a newcomer take a free turn before the waiter it just woke, which then queues again
/// at the back: with eight workers some fills waited tens of milliseconds behind their own queue.)
/// </para>
/// <para>
/// A background unit (work that can wait, such as the order status poller's answers) lets the units that
/// wait beside it go first, up to <see cref="BackgroundPassedOver"/> of them in a row, and then takes its turn:
/// hedging does not queue behind a poll of thousands of orders, and a poll is not starved by a busy queue.
/// </para>
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "Its events are kept for reuse and only make a wait handle when a wait outlasts their spinning; a unit may still leave after the database is disposed.")]
internal sealed class UnitGate(bool readersToo)
{
    /// <summary>How many other units in a row a waiting background unit lets go first.</summary>
    public const int BackgroundPassedOver = 8;

    private readonly Lock sync = new();
    private readonly Queue<ManualResetEventSlim> waiting = new();
    private readonly Queue<ManualResetEventSlim> background = new();
    private readonly Stack<ManualResetEventSlim> spare = new();
    private readonly AsyncLocal<bool> holding = new();
    private bool taken;
    private int passedOver;

    /// <summary>Waits for this unit's turn; <c>false</c> when it needs none (a reader on file, or nested).</summary>
    /// <param name="inBackground">Lets the other units waiting go first (up to <see cref="BackgroundPassedOver"/> in a row).</param>
    public bool Enter(bool write, bool inBackground = false)
    {
        if ((!write && !readersToo) || holding.Value)
            return false;
        ManualResetEventSlim? turn = null;
        lock (sync)
        {
            if (taken)
            {
                turn = spare.TryPop(out var reused) ? reused : new ManualResetEventSlim();
                (inBackground ? background : waiting).Enqueue(turn);
            }

            taken = true;
        }

        if (turn is not null)
        {
            turn.Wait(); // set by Leave: the turn is ours, nobody took it in between
            turn.Reset();
            lock (sync)
                spare.Push(turn);
        }

        holding.Value = true;
        return true;
    }

    /// <summary>How many units wait for their turn.</summary>
    internal int Waiting
    {
        get
        {
            lock (sync)
                return waiting.Count + background.Count;
        }
    }

    public void Leave()
    {
        holding.Value = false;
        lock (sync)
        {
            if (Next() is { } next)
                next.Set();
            else
                taken = false;
        }
    }

    // The longest waiter, background units after the others unless they were passed over too often.
    private ManualResetEventSlim? Next()
    {
        if (background.Count > 0 && (waiting.Count == 0 || passedOver >= BackgroundPassedOver))
        {
            passedOver = 0;
            return background.Dequeue();
        }

        if (!waiting.TryDequeue(out var next))
            return null;
        passedOver = background.Count > 0 ? passedOver + 1 : 0;
        return next;
    }
}
