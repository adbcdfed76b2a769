using System.Text.Json;

namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// What the store needs to know about one kind of aggregate: its name, how events fold into state,
/// how events are spelled in the log and how its view row looks. Deciding is left to the caller.
/// </summary>
/// <typeparam name="TState">The aggregate's state; <c>null</c> means not created yet.</typeparam>
/// <typeparam name="TEvent">The closed event hierarchy.</typeparam>
public interface IAggregate<TState, TEvent> : IEventCodec<TEvent> where TState : class
{
    /// <summary>The stored <c>aggregate_type</c>, e.g. <c>Position</c>; event types read <c>PositionEvent::Name</c>.</summary>
    string AggregateType { get; }

    /// <summary>The view table kept in step with the events, or <c>null</c> when there is none.</summary>
    string? ViewTable { get; }

    /// <summary>Applies a fact; throws <see cref="CorruptStreamException"/> when it cannot apply.</summary>
    TState Evolve(TState? state, TEvent domainEvent);

    /// <summary>Writes the live state as the view payload's <c>Live</c> value.</summary>
    void WriteView(Utf8JsonWriter writer, TState state);
}
