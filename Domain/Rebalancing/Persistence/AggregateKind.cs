using TradingBot.Acceptance.Domain.EventSourcing;

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
    where TState : class
    where TEvent : notnull
{
    /// <summary>The <c>*_view</c> table kept in step with the events, or null when the aggregate has none.</summary>
    public string? ViewTable { get; init; }

    /// <summary>The live state as the view payload's <c>Live</c> value.</summary>
    public Func<TState, System.Text.Json.Nodes.JsonObject>? View { get; init; }

    /// <summary>The stored event type, e.g. <c>TokenizedEquityMintEvent::MintRequested</c>.</summary>
    public string EventType(TEvent @event) => $"{AggregateType}Event::{Codec.Name(@event)}";

    public TState Replay(IEnumerable<TEvent> events) => events.Aggregate(Initial, Evolve);
}
