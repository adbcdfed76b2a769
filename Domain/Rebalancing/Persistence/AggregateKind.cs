namespace TradingBot.Acceptance.Domain.Rebalancing.Persistence;

/// <summary>
/// Everything a store needs to run commands on one kind of aggregate: its stored type name, its empty
/// state, the pure decide/evolve pair and the codec that names and serializes its events.
/// </summary>
public sealed record AggregateKind<TState, TCommand, TEvent, TError>(
    string AggregateType,
    TState Initial,
    Func<TState, TCommand, DateTimeOffset, Decision<TEvent, TError>> Decide,
    Func<TState, TEvent, TState> Evolve,
    IEventCodec<TEvent> Codec)
    where TState : notnull
    where TEvent : notnull
{
    /// <summary>The stored event type, e.g. <c>TokenizedEquityMintEvent::MintRequested</c>.</summary>
    public string EventType(TEvent @event) => $"{AggregateType}Event::{Codec.Name(@event)}";

    public TState Replay(IEnumerable<TEvent> events) => events.Aggregate(Initial, Evolve);
}
