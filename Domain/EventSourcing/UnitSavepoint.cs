namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// One item of a unit of work that several items share (a SQLite <c>SAVEPOINT</c>): <see cref="Complete"/>
/// keeps the item's writes for the unit's commit; disposing without it rolls back to where the item began,
/// in the store and in the unit's own bookkeeping (loaded aggregates, id watermarks, cache publications),
/// so the aggregate cache never receives a state that was rolled back. The items before it keep theirs.
/// </summary>
public sealed class UnitSavepoint : IDisposable
{
    private readonly UnitOfWork unit;
    private readonly UnitBookkeeping.Mark mark;
    private bool ended;

    internal UnitSavepoint(UnitOfWork unit, UnitBookkeeping.Mark mark)
    {
        this.unit = unit;
        this.mark = mark;
    }

    /// <summary>The item succeeded: its writes commit with the unit.</summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(ended, this);
        unit.ReleaseSavepoint(mark); // when it throws (a view row), disposing still rolls the item back
        ended = true;
    }

    public void Dispose()
    {
        if (ended)
            return;
        ended = true;
        unit.RollBackSavepoint(mark);
    }
}
