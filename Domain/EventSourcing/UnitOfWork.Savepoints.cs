using System.Runtime.ExceptionServices;

namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>Savepoints: several items share one unit, and a failed item undoes only its own writes.</summary>
public sealed partial class UnitOfWork
{
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
    /// Records each item in a savepoint of its own (<see cref="Savepoint"/>): the results of the items that
    /// completed, in order, and the first exception of one that did not. After a failure the later items are
    /// recorded only with <paramref name="continueAfterFailure"/>. The caller commits, then rethrows.
    /// </summary>
    public (List<TResult> Completed, ExceptionDispatchInfo? Failure) EachInSavepoint<TItem, TResult>(
        IEnumerable<TItem> items, Func<TItem, TResult> record, bool continueAfterFailure)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(record);
        var completed = new List<TResult>();
        ExceptionDispatchInfo? failure = null;
        foreach (var item in items)
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

    /// <summary>
    /// Undoes what the innermost open item (<see cref="Savepoint"/>) has written so far, in the store and in what
    /// the unit remembers; the item goes on from where it began. <c>false</c> when no item is open.
    /// </summary>
    public bool UndoItem()
    {
        ObjectDisposedException.ThrowIf(finished, this);
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
            if (!connection.InTransaction)
                return;
            using (var rollback = Statement("ROLLBACK TO item"))
                rollback.Execute();
            using var release = Statement("RELEASE item");
            release.Execute();
        }
        finally
        {
            book.EndSavepoint(mark, keep: false);
        }
    }
}
