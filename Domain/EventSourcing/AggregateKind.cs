using System.Text.Json;

namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// An aggregate whose states include "not started" (its <see cref="Initial"/> state), described by its pure
/// decide/evolve pair over records and the codec that spells its events: the store keeps it like any other
/// <see cref="IAggregate{TState, TEvent}"/>, and <see cref="IAggregateStore"/> runs its commands.
/// </summary>
public sealed record AggregateKind<TState, TCommand, TEvent, TError>(
    string AggregateType,
    TState Initial,
    Func<TState, TCommand, DateTimeOffset, Decision<TEvent, TError>> Decide,
    Func<TState, TEvent, TState> Evolve,
    IEventCodec<TEvent> Codec) : IAggregate<TState, TEvent>
    where TState : class
    where TEvent : notnull
{
    /// <summary>The <c>*_view</c> table kept in step with the events, or null when the aggregate has none.</summary>
    public string? ViewTable { get; init; }

    /// <summary>Writes the live state as the view payload's <c>Live</c> value.</summary>
    public Action<Utf8JsonWriter, TState>? View { get; init; }

    /// <summary>The stored event type, e.g. <c>TokenizedEquityMintEvent::MintRequested</c>.</summary>
    public string EventType(TEvent @event) => $"{AggregateType}Event::{Codec.EventName(@event)}";

    public TState Replay(IEnumerable<TEvent> events) => events.Aggregate(Initial, Evolve);

    TState IAggregate<TState, TEvent>.Evolve(TState? state, TEvent domainEvent) => Evolve(state ?? Initial, domainEvent);

    void IAggregate<TState, TEvent>.WriteView(Utf8JsonWriter writer, TState state) =>
        (View ?? throw new InvalidOperationException($"{AggregateType} has no view"))(writer, state);

    public string EventName(TEvent domainEvent) => Codec.EventName(domainEvent);

    public void WriteEvent(Utf8JsonWriter writer, TEvent domainEvent) => Codec.WriteEvent(writer, domainEvent);

    public TEvent ReadEvent(string name, JsonElement body) => Codec.ReadEvent(name, body);
}
