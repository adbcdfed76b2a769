namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// Loads aggregates by replaying their events and runs commands on them: replay, decide, append at
/// the next sequence numbers in one transaction, then tell the reactors.
/// </summary>
public interface IAggregateStore
{
    /// <summary>Runs one command: the events it appended, or the broken rule (and nothing written).</summary>
    Task<Decision<TEvent, TError>> ExecuteAsync<TState, TCommand, TEvent, TError>(
        AggregateKind<TState, TCommand, TEvent, TError> kind, string aggregateId, TCommand command,
        CancellationToken cancellationToken)
        where TState : class
        where TEvent : notnull;

    /// <summary>The events of one aggregate in sequence order (none for an unknown id).</summary>
    Task<IReadOnlyList<TEvent>> LoadEventsAsync<TState, TCommand, TEvent, TError>(
        AggregateKind<TState, TCommand, TEvent, TError> kind, string aggregateId, CancellationToken cancellationToken)
        where TState : class
        where TEvent : notnull;

    /// <summary>The current state: the kind's initial state for an unknown id.</summary>
    Task<TState> LoadAsync<TState, TCommand, TEvent, TError>(
        AggregateKind<TState, TCommand, TEvent, TError> kind, string aggregateId, CancellationToken cancellationToken)
        where TState : class
        where TEvent : notnull;
}
