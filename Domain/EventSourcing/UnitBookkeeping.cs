namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// What a unit of work remembers beside its SQL: the aggregates it loaded or appended to, the numeric id
/// watermarks it moved, and what it publishes to the database's cache on commit. Inside a savepoint every
/// change is journaled, so rolling an item back restores all of it as it was before the item.
/// </summary>
internal sealed class UnitBookkeeping
{
    private readonly Dictionary<(string Type, string Id), object> seen = [];
    private readonly Dictionary<string, NumericIdWatermark> numericIds = new(StringComparer.Ordinal);
    private readonly Dictionary<(string View, string Id), Action> pendingViews = [];
    private readonly List<Action> onCommit = [];
    private readonly List<Action> undo = [];
    private int savepoints;

    public bool TryGetSeen((string Type, string Id) key, out object? loaded) => seen.TryGetValue(key, out loaded);

    public void SetSeen((string Type, string Id) key, object loaded)
    {
        Remember(seen, key);
        seen[key] = loaded;
    }

    public void ForgetSeen((string Type, string Id) key)
    {
        Remember(seen, key);
        seen.Remove(key);
    }

    public bool TryGetNumericId(string aggregateType, out NumericIdWatermark known) =>
        numericIds.TryGetValue(aggregateType, out known!);

    public NumericIdWatermark NumericId(string aggregateType) => numericIds[aggregateType];

    public void SetNumericId(string aggregateType, NumericIdWatermark watermark)
    {
        Remember(numericIds, aggregateType);
        numericIds[aggregateType] = watermark;
    }

    /// <summary>Replaces the write of a view row still to be done (the aggregate's newest state wins).</summary>
    public void SetPendingView((string View, string Id) key, Action write)
    {
        Remember(pendingViews, key);
        pendingViews[key] = write;
    }

    /// <summary>The view writes still to be done, now taken out (journaled: a rolled-back item gets its earlier ones back).</summary>
    public List<Action> TakePendingViews()
    {
        if (pendingViews.Count == 0)
            return [];
        var writes = new List<Action>(pendingViews.Count);
        foreach (var (key, write) in pendingViews)
        {
            Remember(pendingViews, key);
            writes.Add(write);
        }

        pendingViews.Clear();
        return writes;
    }

    /// <summary>Runs once the unit committed (not if the savepoint it was added in rolls back).</summary>
    public void OnCommit(Action publish) => onCommit.Add(publish);

    public void Publish()
    {
        foreach (var publish in onCommit)
            publish();
    }

    public Mark BeginSavepoint()
    {
        savepoints++;
        return new Mark(undo.Count, onCommit.Count);
    }

    public void EndSavepoint(Mark mark, bool keep)
    {
        if (!keep)
        {
            for (var index = undo.Count - 1; index >= mark.Undo; index--)
                undo[index]();
            undo.RemoveRange(mark.Undo, undo.Count - mark.Undo);
            onCommit.RemoveRange(mark.OnCommit, onCommit.Count - mark.OnCommit);
        }

        if (--savepoints == 0)
            undo.Clear(); // no savepoint left to roll back to: the unit commits or rolls back as a whole
    }

    // Inside a savepoint, notes how to restore the entry before it changes.
    private void Remember<TKey, TValue>(Dictionary<TKey, TValue> map, TKey key)
        where TKey : notnull
    {
        if (savepoints == 0)
            return;
        if (map.TryGetValue(key, out var previous))
            undo.Add(() => map[key] = previous);
        else
            undo.Add(() => map.Remove(key));
    }

    /// <summary>Where a savepoint began in the journal and among the publications.</summary>
    internal readonly record struct Mark(int Undo, int OnCommit);
}
