namespace TradingBot.Acceptance.Domain.Rebalancing.Persistence;

/// <summary>
/// An event log kept in memory with the same rows, names and payloads as the SQLite store; events are
/// serialized on append and replayed from JSON, so codecs are exercised on every load.
/// </summary>
public sealed class InMemoryAggregateStore(TimeProvider clock) : IAggregateStore, IDisposable
{
    private readonly List<StoredEvent> rows = [];
    private readonly List<IEventReactor> reactors = [];
    private readonly SemaphoreSlim writeLock = new(1, 1);

    /// <summary>Every stored row in append order.</summary>
    public IReadOnlyList<StoredEvent> Rows
    {
        get
        {
            lock (rows)
                return rows.ToList();
        }
    }

    public void Subscribe(IEventReactor reactor) => reactors.Add(reactor);

    public async Task<CommandOutcome<TState, TEvent, TError>> ExecuteAsync<TState, TCommand, TEvent, TError>(
        AggregateKind<TState, TCommand, TEvent, TError> kind, string aggregateId, TCommand command,
        CancellationToken cancellationToken)
        where TState : notnull
        where TEvent : notnull
    {
        List<CommittedEvent> committed = [];
        TState state;
        IReadOnlyList<TEvent> events;
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            var history = Read(kind, aggregateId);
            state = kind.Replay(history);
            var decision = kind.Decide(state, command, clock.GetUtcNow());
            if (decision is Decision<TEvent, TError>.Rejected rejected)
                return new CommandOutcome<TState, TEvent, TError>.Rejected(rejected.Error);
            events = ((Decision<TEvent, TError>.Accepted)decision).Events;
            var sequence = (long)history.Count;
            foreach (var @event in events)
            {
                state = kind.Evolve(state, @event);
                sequence++;
                var row = new StoredEvent(kind.AggregateType, aggregateId, sequence, kind.EventType(@event), kind.Codec.Serialize(@event));
                lock (rows)
                    rows.Add(row);
                committed.Add(new CommittedEvent(row.AggregateType, aggregateId, sequence, row.EventType, @event));
            }
        }
        finally
        {
            writeLock.Release();
        }

        if (committed.Count > 0)
            foreach (var reactor in reactors)
                await reactor.ReactAsync(committed, cancellationToken);
        return new CommandOutcome<TState, TEvent, TError>.Committed(state, events);
    }

    public Task<IReadOnlyList<TEvent>> LoadEventsAsync<TState, TCommand, TEvent, TError>(
        AggregateKind<TState, TCommand, TEvent, TError> kind, string aggregateId, CancellationToken cancellationToken)
        where TState : notnull
        where TEvent : notnull =>
        Task.FromResult<IReadOnlyList<TEvent>>(Read(kind, aggregateId));

    public Task<TState> LoadAsync<TState, TCommand, TEvent, TError>(
        AggregateKind<TState, TCommand, TEvent, TError> kind, string aggregateId, CancellationToken cancellationToken)
        where TState : notnull
        where TEvent : notnull =>
        Task.FromResult(kind.Replay(Read(kind, aggregateId)));

    public void Dispose() => writeLock.Dispose();

    private List<TEvent> Read<TState, TCommand, TEvent, TError>(
        AggregateKind<TState, TCommand, TEvent, TError> kind, string aggregateId)
        where TState : notnull
        where TEvent : notnull
    {
        lock (rows)
            return rows.Where(row => row.AggregateType == kind.AggregateType && row.AggregateId == aggregateId)
                .Select(row => kind.Codec.Deserialize(row.Payload))
                .ToList();
    }
}
