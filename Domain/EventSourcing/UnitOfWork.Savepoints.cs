using System.Runtime.ExceptionServices;

namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>Savepoints: several items share one unit, and a failed item undoes only its own writes.</summary>
public sealed partial class UnitOfWork
{
    // While EachInSavepoint records its items under one savepoint: how many savepoints were open then (that one
    // included), so that an item's undo asks for a savepoint of its own.
    private int? allAtOnce;

    /// <summary>
    /// Starts one item of a unit that several items share: dispose the result without
    /// <see cref="UnitSavepoint.Complete"/> and only this item's writes are undone, in the store and in
    /// what the unit remembers.
    /// </summary>
    public UnitSavepoint Savepoint()
    {
        ObjectDisposedException.ThrowIf(finished, this);
        using (var begin = Statement("SAVEPOINT item"))
            begin.Execute();
        return new UnitSavepoint(this, book.BeginSavepoint());
    }

    /// <summary>
    /// Records each item as in a savepoint of its own (<see cref="Savepoint"/>): the results of the items that
    /// completed, in order, and the first exception of one that did not. After a failure the later items are
    /// recorded only with <paramref name="continueAfterFailure"/>. The caller commits, then rethrows. An item may be
    /// decided more than once (see AllAtOnce), so <paramref name="record"/> changes nothing outside the unit.
    /// </summary>
    public (List<TResult> Completed, ExceptionDispatchInfo? Failure) EachInSavepoint<TItem, TResult>(
        IEnumerable<TItem> items, Func<TItem, TResult> record, bool continueAfterFailure)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(record);
        var list = items as IReadOnlyList<TItem> ?? [.. items];
        if (list.Count > 1)
        {
            var (recorded, gone) = AllAtOnce(list, record);
            if (recorded is not null || gone is not null)
                return (recorded ?? [], gone);
        }

        var completed = new List<TResult>();
        ExceptionDispatchInfo? failure = null;
        foreach (var item in list)
        {
            try
            {
                using var savepoint = Savepoint();
                var result = record(item);
                savepoint.Complete();
                completed.Add(result);
            }
            catch (Exception exception)
            {
                failure ??= ExceptionDispatchInfo.Capture(exception);
                if (!continueAfterFailure)
                    break;
            }
        }

        return (completed, failure);
    }

    // Items hardly ever fail, and a savepoint per item makes SQLite copy every page an item changes into its statement
    // journal once more for each item. So the items are first recorded under one savepoint, each writing its view rows
    // as it ends, as in a savepoint of its own. When one of them fails (or undoes itself), all of them are rolled back
    // and, unless SQLite ended the whole transaction (then Gone holds the failure), recorded again from the state they
    // began with, each in a savepoint of its own: the items before the failed one are decided twice, and what they
    // wrote the first time is gone without a trace (nothing leaves the unit before it commits).
    private (List<TResult>? Completed, ExceptionDispatchInfo? Gone) AllAtOnce<TItem, TResult>(IReadOnlyList<TItem> items, Func<TItem, TResult> record)
    {
        ObjectDisposedException.ThrowIf(finished, this);
        using (var begin = Statement("SAVEPOINT items"))
            begin.Execute();
        var mark = book.BeginSavepoint();
        var outer = allAtOnce;
        allAtOnce = book.OpenSavepoints;
        var completed = new List<TResult>(items.Count);
        try
        {
            foreach (var item in items)
            {
                completed.Add(record(item));
                WriteViews();
            }

            using (var release = Statement("RELEASE items"))
                release.Execute();
        }
        catch (Exception exception)
        {
            allAtOnce = outer;
            try
            {
                RollBackTo("items");
            }
            finally
            {
                book.EndSavepoint(mark, keep: false);
            }

            return (null, connection.InTransaction ? null : ExceptionDispatchInfo.Capture(exception));
        }

        allAtOnce = outer;
        book.EndSavepoint(mark, keep: true);
        return (completed, null);
    }

    /// <summary>
    /// Undoes what the innermost open item (<see cref="Savepoint"/>) has written so far, in the store and in what
    /// the unit remembers; the item goes on from where it began. <c>false</c> when no item is open.
    /// </summary>
    public bool UndoItem()
    {
        ObjectDisposedException.ThrowIf(finished, this);
        if (allAtOnce == book.OpenSavepoints)
            throw new ItemNeedsItsOwnSavepointException(); // EachInSavepoint records the items again, a savepoint each
        if (!book.TryRollBackItem())
            return false;
        using (var rollback = Statement("ROLLBACK TO item"))
            rollback.Execute();
        return true;
    }

    internal void ReleaseSavepoint(UnitBookkeeping.Mark mark)
    {
        WriteViews();
        using (var release = Statement("RELEASE item"))
            release.Execute();
        book.EndSavepoint(mark, keep: true);
    }

    // SQLite may have ended the whole transaction itself (after some errors): then there is nothing to roll back to.
    internal void RollBackSavepoint(UnitBookkeeping.Mark mark)
    {
        try
        {
            RollBackTo("item");
        }
        finally
        {
            book.EndSavepoint(mark, keep: false);
        }
    }

    private void RollBackTo(string savepoint)
    {
        if (!connection.InTransaction)
            return;
        using (var rollback = Statement("ROLLBACK TO " + savepoint))
            rollback.Execute();
        using var release = Statement("RELEASE " + savepoint);
        release.Execute();
    }

    // Thrown by an item's undo while the items share one savepoint: it needs a savepoint of its own.
    private sealed class ItemNeedsItsOwnSavepointException() : InvalidOperationException("An item undone while the items share one savepoint.");
}
