namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// Folded aggregates and id watermarks shared by the units of work of one database, so that a load
/// replays only the events appended since and the next numeric id reads only the rows written since.
/// Only committed facts enter; an entry is only replaced by a later one. Bounded: when full it drops the
/// entries that are cheapest to replay (the shortest streams) until a quarter is free, so that a long stream
/// (a registry of many vaults, a busy symbol's position) is not replayed from its first event after every
/// burst of new one-off aggregates (trades, orders). A settled aggregate (<see cref="ISettledState"/>) is kept only among
/// the last <see cref="RecentlySettled"/> to settle: what reads it right after (the daily notional sums each order once
/// it has ended) finds it, and the room goes to live aggregates rather than to thousands of filled orders and trades.
/// <para>
/// When a write unit finds that another connection has committed since this database's last write, it
/// forgets everything (<see cref="Forget"/>); a unit's entries enter only if nothing was forgotten since
/// the unit began (<see cref="Epoch"/>), so every entry reflects every foreign commit seen so far.
/// </para>
/// </summary>
internal sealed class AggregateCache
{
    private const int Capacity = 65_536;

    /// <summary>
    /// How many settled aggregates are kept, the latest to settle: enough for a round of fills and their orders, few
    /// enough that they die young (4,096 kept them past a collection, and the latency run's pauses grew from 4 to 28 ms).
    /// </summary>
    public const int RecentlySettled = 512;

    private readonly Lock gate = new();
    private readonly Dictionary<(string Type, string Id), (object Loaded, long Version)> aggregates = [];
    private readonly Dictionary<string, NumericIdWatermark> numericIds = new(StringComparer.Ordinal);
    private readonly Queue<((string Type, string Id) Key, long Version)> settled = new();
    private long epoch;

    /// <summary>Counts the times the cache was forgotten; a unit notes it before its snapshot begins.</summary>
    public long Epoch
    {
        get
        {
            lock (gate)
                return epoch;
        }
    }

    public LoadedAggregate<TState>? Find<TState>(string aggregateType, string aggregateId) where TState : class
    {
        lock (gate)
            return aggregates.TryGetValue((aggregateType, aggregateId), out var entry) ? entry.Loaded as LoadedAggregate<TState> : null;
    }

    public void Keep(IVersionedAggregate loaded, long seenEpoch)
    {
        if (loaded.Version == 0)
            return;
        lock (gate)
        {
            if (seenEpoch != epoch)
                return;
            var key = (loaded.AggregateType, loaded.AggregateId);
            var exists = aggregates.TryGetValue(key, out var known);
            if (exists && known.Version >= loaded.Version)
                return;
            if (loaded.IsSettled)
                KeepSettled(key, loaded.Version);
            if (!exists && aggregates.Count >= Capacity)
                MakeRoom();
            aggregates[key] = (loaded, loaded.Version);
        }
    }

    public NumericIdWatermark? FindNumericId(string aggregateType)
    {
        lock (gate)
            return numericIds.GetValueOrDefault(aggregateType);
    }

    /// <summary>Keeps the watermark that has seen more rows (or, over the same rows, the higher id).</summary>
    public void Keep(string aggregateType, NumericIdWatermark watermark, long seenEpoch)
    {
        lock (gate)
        {
            if (seenEpoch != epoch)
                return;
            if (!numericIds.TryGetValue(aggregateType, out var known)
                || (known.SeenRowId, known.MaxId).CompareTo((watermark.SeenRowId, watermark.MaxId)) < 0)
                numericIds[aggregateType] = watermark;
        }
    }

    /// <summary>Someone else wrote to the database: nothing known so far can be trusted.</summary>
    public void Forget()
    {
        lock (gate)
        {
            epoch++;
            aggregates.Clear();
            numericIds.Clear();
            settled.Clear();
        }
    }

    // Lets the oldest settled entry go once more than RecentlySettled are kept (unless it has moved on since).
    private void KeepSettled((string Type, string Id) key, long version)
    {
        settled.Enqueue((key, version));
        if (settled.Count <= RecentlySettled)
            return;
        var (oldest, oldestVersion) = settled.Dequeue();
        if (aggregates.TryGetValue(oldest, out var entry) && entry.Version == oldestVersion)
            aggregates.Remove(oldest);
    }

    // Finds the shortest version below which dropping every entry frees a quarter, and drops those: two passes.
    private void MakeRoom()
    {
        const int Buckets = 64;
        Span<int> counts = stackalloc int[Buckets];
        foreach (var entry in aggregates.Values)
            counts[(int)Math.Min(entry.Version, Buckets - 1)]++;
        var (keep, below) = (aggregates.Count, 0);
        while (below < Buckets - 1 && keep > Capacity * 3 / 4)
            keep -= counts[++below];
        if (keep > Capacity * 3 / 4)
        {
            aggregates.Clear(); // nearly all of them long streams: start over
            return;
        }

        foreach (var (key, entry) in aggregates)
        {
            if (entry.Version <= below)
                aggregates.Remove(key);
        }
    }
}
