using System.Text.Json;

namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// What the store needs to know about one kind of aggregate: its name, how events fold into state,
/// how events are spelled in the log and how its view row looks. Deciding is left to the caller.
/// </summary>
/// <typeparam name="TState">The aggregate's state; <c>null</c> means not created yet.</typeparam>
/// <typeparam name="TEvent">The closed event hierarchy.</typeparam>
public interface IAggregate<TState, TEvent> where TState : class
{
    /// <summary>The stored <c>aggregate_type</c>, e.g. <c>Position</c>; event types read <c>PositionEvent::Name</c>.</summary>
    string AggregateType { get; }

    /// <summary>The view table kept in step with the events, or <c>null</c> when there is none.</summary>
    string? ViewTable { get; }

    /// <summary>Applies a fact; throws <see cref="EventApplicationException"/> when it cannot apply.</summary>
    TState Evolve(TState? state, TEvent domainEvent);

    /// <summary>The event's stored name (never the CLR name once shipped).</summary>
    string EventName(TEvent domainEvent);

    /// <summary>Writes the event's body (the value under its name in the externally tagged payload).</summary>
    void WriteEvent(Utf8JsonWriter writer, TEvent domainEvent);

    /// <summary>Reads an event's body back; throws <see cref="JsonException"/> for an unknown name or field.</summary>
    TEvent ReadEvent(string name, JsonElement body);

    /// <summary>Writes the live state as the view payload's <c>Live</c> value.</summary>
    void WriteView(Utf8JsonWriter writer, TState state);
}
