using System.Collections.Concurrent;

namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// Folded aggregates and id watermarks shared by the units of work of one database, so that a load
/// replays only the events appended since and the next numeric id reads only the rows written since.
/// Only committed facts enter; an entry is only replaced by a later one. Bounded: when full it starts over.
/// A load checks the cached version is still there, so an entry never hides what its transaction sees.
/// </summary>
internal sealed class AggregateCache
{
    private const int Capacity = 16_384;

    // A stream of one event (a trade, a new order) costs as little to replay as to look up: not worth a slot.
    private const int MinimumVersion = 2;

    private readonly ConcurrentDictionary<(string Type, string Id), object> aggregates = new();
    private readonly ConcurrentDictionary<string, NumericIdWatermark> numericIds = new(StringComparer.Ordinal);

    public LoadedAggregate<TState>? Find<TState>(string aggregateType, string aggregateId) where TState : class =>
        aggregates.TryGetValue((aggregateType, aggregateId), out var entry) ? entry as LoadedAggregate<TState> : null;

    public void Keep<TState>(LoadedAggregate<TState> loaded) where TState : class
    {
        if (loaded.Version < MinimumVersion)
            return;
        if (aggregates.Count >= Capacity)
            aggregates.Clear();
        aggregates.AddOrUpdate((loaded.AggregateType, loaded.AggregateId), loaded,
            (_, known) => known is LoadedAggregate<TState> { Version: var version } && version >= loaded.Version ? known : loaded);
    }

    public NumericIdWatermark? FindNumericId(string aggregateType) =>
        numericIds.TryGetValue(aggregateType, out var watermark) ? watermark : null;

    public void Keep(string aggregateType, NumericIdWatermark watermark) =>
        numericIds.AddOrUpdate(aggregateType, watermark,
            (_, known) => known.SeenRowId >= watermark.SeenRowId ? known : watermark);
}
