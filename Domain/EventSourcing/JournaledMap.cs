namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// A dictionary that, while journaling, notes each entry's earlier value before it changes, so that it can
/// be rolled back to a mark. The notes are plain entries, not closures: a unit of work changes several
/// entries per fill, and each closure was an allocation.
/// </summary>
internal sealed class JournaledMap<TKey, TValue>(IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly Dictionary<TKey, TValue> map = new(comparer);
    private readonly List<(TKey Key, bool Had, TValue? Previous)> journal = [];

    /// <summary>Whether changes are noted (inside a savepoint).</summary>
    public bool Journaling { get; set; }

    /// <summary>Where the journal stands now: <see cref="RollBack"/> to it undoes every later change.</summary>
    public int Mark => journal.Count;

    public Dictionary<TKey, TValue>.ValueCollection Values => map.Values;

    public Dictionary<TKey, TValue>.Enumerator GetEnumerator() => map.GetEnumerator();

    public bool TryGetValue(TKey key, out TValue value) => map.TryGetValue(key, out value!);

    public void Set(TKey key, TValue value)
    {
        Remember(key);
        map[key] = value;
    }

    public void Remove(TKey key)
    {
        Remember(key);
        map.Remove(key);
    }

    public void Clear()
    {
        foreach (var key in map.Keys)
            Remember(key);
        map.Clear();
    }

    /// <summary>Restores every entry changed since <paramref name="mark"/>, latest change first.</summary>
    public void RollBack(int mark)
    {
        for (var index = journal.Count - 1; index >= mark; index--)
        {
            var (key, had, previous) = journal[index];
            if (had)
                map[key] = previous!;
            else
                map.Remove(key);
        }

        journal.RemoveRange(mark, journal.Count - mark);
    }

    /// <summary>Forgets the notes (nothing is left to roll back to); the entries stay.</summary>
    public void ForgetJournal() => journal.Clear();

    /// <summary>Empties the map and its journal, keeping their capacity for the next unit.</summary>
    public void Reset()
    {
        map.Clear();
        journal.Clear();
        Journaling = false;
    }

    private void Remember(TKey key)
    {
        if (Journaling)
            journal.Add(map.TryGetValue(key, out var previous) ? (key, true, previous) : (key, false, default));
    }
}
