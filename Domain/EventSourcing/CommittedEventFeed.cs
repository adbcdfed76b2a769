using System.Text.Json;

namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// Hands every committed event to the reactors exactly once, in global (rowid) order, whoever wrote it:
/// the aggregate store catches up after each of its commits, and the hedging side (whose commits hold
/// Position events) after each of its steps. Only the aggregates named with <see cref="Decode{TState, TEvent}"/>
/// reach the reactors; the events of the others are passed over.
/// </summary>
public sealed class CommittedEventFeed(EventStoreDatabase database) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly List<IEventReactor> reactors = [];
    private readonly Dictionary<string, Func<string, JsonElement, object>> decoders = new(StringComparer.Ordinal);

    private long lastSeen;

    /// <summary>Passes the events of this aggregate to the reactors, read with its codec.</summary>
    public void Decode<TState, TEvent>(IAggregate<TState, TEvent> aggregate)
        where TState : class
        where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        decoders[aggregate.AggregateType] = (name, body) => aggregate.ReadEvent(name, body);
    }

    public void Subscribe(IEventReactor reactor) => reactors.Add(reactor);

    /// <summary>Starts after what is already stored (a restart rebuilds its state from the store instead).</summary>
    public void SkipToEnd() => lastSeen = database.ReadEventLog() is [.., var last] ? last.GlobalPosition : 0;

    /// <summary>Passes the events committed since the last call to every reactor, in order.</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var fresh = database.ReadEventLog(after: lastSeen);
            if (fresh.Count == 0)
                return;
            lastSeen = fresh[^1].GlobalPosition;
            var committed = fresh.Where(row => decoders.ContainsKey(row.AggregateType)).Select(Decode).ToList();
            if (committed.Count == 0)
                return;
            foreach (var reactor in reactors)
                await reactor.ReactAsync(committed, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    private CommittedEvent Decode(RecordedEvent row)
    {
        using var payload = JsonDocument.Parse(row.Payload);
        var tagged = EventPayload.Untag(payload.RootElement, row.Payload);
        var domainEvent = decoders[row.AggregateType](tagged.Name, tagged.Value);
        return new CommittedEvent(row.AggregateType, row.AggregateId, row.Sequence, row.EventType, domainEvent);
    }
}
