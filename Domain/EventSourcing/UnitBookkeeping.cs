namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// What a unit of work remembers beside its SQL: the aggregates it loaded or appended to, the numeric id
/// watermarks it moved, the view rows it still has to write and the placement markers it still has to clear. Inside a savepoint every change is
/// journaled, so rolling an item back restores all of it as it was before the item. One per connection,
/// reset for each unit, so that its tables keep their capacity from unit to unit.
/// </summary>
internal sealed class UnitBookkeeping
{
    private readonly JournaledMap<(string Type, string Id), IVersionedAggregate> seen = new();
    private readonly JournaledMap<string, NumericIdWatermark> numericIds = new(StringComparer.Ordinal);
    private readonly JournaledMap<(string View, string Id), PendingView> pendingViews = new();
    private readonly JournaledMap<string, bool> markersToClear = new(StringComparer.Ordinal);
    private readonly List<string> clearing = [];
    private readonly List<PendingView> taken = [];
    private readonly Stack<Mark> items = new();

    /// <summary>Forgets the previous unit.</summary>
    public void Reset()
    {
        seen.Reset();
        numericIds.Reset();
        pendingViews.Reset();
        markersToClear.Reset();
        items.Clear();
    }

    public bool TryGetSeen((string Type, string Id) key, out IVersionedAggregate? loaded) => seen.TryGetValue(key, out loaded);

    public void SetSeen((string Type, string Id) key, IVersionedAggregate loaded) => seen.Set(key, loaded);

    public void ForgetSeen((string Type, string Id) key) => seen.Remove(key);

    public bool TryGetNumericId(string aggregateType, out NumericIdWatermark known) =>
        numericIds.TryGetValue(aggregateType, out known);

    public void SetNumericId(string aggregateType, NumericIdWatermark watermark) => numericIds.Set(aggregateType, watermark);

    /// <summary>Replaces the write of a view row still to be done (the aggregate's newest state wins).</summary>
    public void SetPendingView((string View, string Id) key, PendingView write) => pendingViews.Set(key, write);

    /// <summary>
    /// The view writes still to be done, now taken out (journaled: a rolled-back item gets its earlier ones
    /// back). The list is reused by the next call.
    /// </summary>
    public List<PendingView> TakePendingViews()
    {
        taken.Clear();
        taken.AddRange(pendingViews.Values);
        pendingViews.Clear();
        return taken;
    }

    /// <summary>The lease of <paramref name="symbol"/> is to have its placement marker cleared before the unit commits.</summary>
    public void ClearMarkerLater(string symbol) => markersToClear.Set(symbol, true);

    /// <summary>Whether a clear of the symbol's marker is still to be done: it is then taken out (journaled).</summary>
    public bool TakeMarkerToClear(string symbol)
    {
        if (!markersToClear.TryGetValue(symbol, out _))
            return false;
        markersToClear.Remove(symbol);
        return true;
    }

    /// <summary>Every clear still to be done, now taken out (journaled). The list is reused by the next call.</summary>
    public List<string> TakeMarkersToClear()
    {
        clearing.Clear();
        foreach (var (symbol, _) in markersToClear)
            clearing.Add(symbol);
        markersToClear.Clear();
        return clearing;
    }

    /// <summary>Once the unit committed: its aggregates and id watermarks enter the database's cache.</summary>
    public void Publish(AggregateCache cache, long epoch)
    {
        foreach (var loaded in seen.Values)
            cache.Keep(loaded, epoch); // what it already holds, loaded here, it ignores
        foreach (var (aggregateType, watermark) in numericIds)
            cache.Keep(aggregateType, watermark, epoch);
    }

    /// <summary>Savepoints open now, the innermost included.</summary>
    public int OpenSavepoints => items.Count;

    public Mark BeginSavepoint()
    {
        seen.Journaling = numericIds.Journaling = pendingViews.Journaling = markersToClear.Journaling = true;
        var mark = new Mark(seen.Mark, numericIds.Mark, pendingViews.Mark, markersToClear.Mark);
        items.Push(mark);
        return mark;
    }

    /// <summary>Restores what the innermost open savepoint began with, which stays open; <c>false</c> when none is open.</summary>
    public bool TryRollBackItem()
    {
        if (!items.TryPeek(out var mark))
            return false;
        RollBack(mark);
        return true;
    }

    public void EndSavepoint(Mark mark, bool keep)
    {
        if (!keep)
            RollBack(mark);
        items.Pop();
        if (items.Count > 0)
            return;
        // No savepoint left to roll back to: the unit commits or rolls back as a whole.
        seen.Journaling = numericIds.Journaling = pendingViews.Journaling = markersToClear.Journaling = false;
        seen.ForgetJournal();
        numericIds.ForgetJournal();
        pendingViews.ForgetJournal();
        markersToClear.ForgetJournal();
    }

    private void RollBack(Mark mark)
    {
        seen.RollBack(mark.Seen);
        numericIds.RollBack(mark.NumericIds);
        pendingViews.RollBack(mark.PendingViews);
        markersToClear.RollBack(mark.MarkersToClear);
    }

    /// <summary>Where a savepoint began in each journal.</summary>
    internal readonly record struct Mark(int Seen, int NumericIds, int PendingViews, int MarkersToClear);
}
