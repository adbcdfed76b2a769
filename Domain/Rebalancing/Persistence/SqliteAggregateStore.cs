using TradingBot.Acceptance.Domain.EventSourcing;

namespace TradingBot.Acceptance.Domain.Rebalancing.Persistence;

/// <summary>
/// The rebalancing aggregates in the SQLite event store: each command replays, decides and appends
/// with its view row in one write transaction; after the commit the feed hands the events to the reactors.
/// </summary>
public sealed class SqliteAggregateStore(SqliteDatabase database, TimeProvider clock, CommittedEventFeed feed) : IAggregateStore
{
    public async Task<CommandOutcome<TState, TEvent, TError>> ExecuteAsync<TState, TCommand, TEvent, TError>(
        AggregateKind<TState, TCommand, TEvent, TError> kind, string aggregateId, TCommand command,
        CancellationToken cancellationToken)
        where TState : class
        where TEvent : notnull
    {
        var aggregate = new KindAggregate<TState, TCommand, TEvent, TError>(kind);
        TState state;
        IReadOnlyList<TEvent> events;
        using (var unit = database.BeginWrite())
        {
            var loaded = unit.Load(aggregate, aggregateId);
            var decision = kind.Decide(loaded.State ?? kind.Initial, command, clock.GetUtcNow());
            if (decision is Decision<TEvent, TError>.Rejected rejected)
                return new CommandOutcome<TState, TEvent, TError>.Rejected(rejected.Error);
            events = ((Decision<TEvent, TError>.Accepted)decision).Events;
            var appended = unit.Append(aggregate, loaded, events);
            unit.Commit();
            state = appended.State ?? kind.Initial;
        }

        if (events.Count > 0)
            await feed.CatchUpAsync(cancellationToken);
        return new CommandOutcome<TState, TEvent, TError>.Committed(state, events);
    }

    public Task<IReadOnlyList<TEvent>> LoadEventsAsync<TState, TCommand, TEvent, TError>(
        AggregateKind<TState, TCommand, TEvent, TError> kind, string aggregateId, CancellationToken cancellationToken)
        where TState : class
        where TEvent : notnull
    {
        IReadOnlyList<TEvent> events = [.. database.ReadStream(kind.AggregateType, aggregateId).Select(row => kind.Codec.Deserialize(row.Payload))];
        return Task.FromResult(events);
    }

    public Task<TState> LoadAsync<TState, TCommand, TEvent, TError>(
        AggregateKind<TState, TCommand, TEvent, TError> kind, string aggregateId, CancellationToken cancellationToken)
        where TState : class
        where TEvent : notnull
    {
        using var unit = database.BeginRead();
        return Task.FromResult(unit.Load(new KindAggregate<TState, TCommand, TEvent, TError>(kind), aggregateId).State ?? kind.Initial);
    }
}
