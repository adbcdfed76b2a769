namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// Runs commands on <see cref="AggregateKind{TState, TCommand, TEvent, TError}"/> aggregates through the one
/// command path, <see cref="UnitOfWork.Execute"/>, each in a write transaction of its own with its view row;
/// after the commit the feed hands the events to the reactors.
/// </summary>
public sealed class SqliteAggregateStore(EventStoreDatabase database, TimeProvider clock, CommittedEventFeed feed) : IAggregateStore
{
    public async Task<Decision<TEvent, TError>> ExecuteAsync<TState, TCommand, TEvent, TError>(
        AggregateKind<TState, TCommand, TEvent, TError> kind, string aggregateId, TCommand command,
        CancellationToken cancellationToken)
        where TState : class
        where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(kind);
        Decision<TEvent, TError> decision;
        using (var unit = database.BeginWrite())
        {
            var now = clock.GetUtcNow();
            decision = unit.Execute(kind, aggregateId, state => kind.Decide(state ?? kind.Initial, command, now));
            if (decision is Decision<TEvent, TError>.Rejected)
                return decision;
            unit.Commit();
        }

        if (decision is Decision<TEvent, TError>.Accepted { Events.Count: > 0 })
            await feed.CatchUpAsync(cancellationToken);
        return decision;
    }

    public Task<IReadOnlyList<TEvent>> LoadEventsAsync<TState, TCommand, TEvent, TError>(
        AggregateKind<TState, TCommand, TEvent, TError> kind, string aggregateId, CancellationToken cancellationToken)
        where TState : class
        where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(kind);
        IReadOnlyList<TEvent> events = [.. database.ReadStream(kind.AggregateType, aggregateId).Select(row => EventPayload.Read(kind, row.Payload))];
        return Task.FromResult(events);
    }

    public Task<TState> LoadAsync<TState, TCommand, TEvent, TError>(
        AggregateKind<TState, TCommand, TEvent, TError> kind, string aggregateId, CancellationToken cancellationToken)
        where TState : class
        where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(kind);
        using var unit = database.BeginRead();
        return Task.FromResult(unit.Load(kind, aggregateId).State ?? kind.Initial);
    }
}
