using System.Text.Json;
using System.Text.Json.Nodes;
using TradingBot.Acceptance.Domain.EventSourcing;

namespace TradingBot.Acceptance.Domain.Rebalancing.Persistence;

/// <summary>
/// Lets the event store keep a rebalancing aggregate: the kind's codec spells the events (the store
/// wraps them in their tag), its empty state stands for "not created yet", its view fills the view row.
/// </summary>
public sealed class KindAggregate<TState, TCommand, TEvent, TError>(AggregateKind<TState, TCommand, TEvent, TError> kind)
    : IAggregate<TState, TEvent>
    where TState : class
    where TEvent : notnull
{
    public string AggregateType => kind.AggregateType;

    public string? ViewTable => kind.ViewTable;

    public TState Evolve(TState? state, TEvent domainEvent)
    {
        try
        {
            return kind.Evolve(state ?? kind.Initial, domainEvent);
        }
        catch (CorruptStreamException exception)
        {
            throw new EventApplicationException(new LifecycleError.Mismatch(exception.StateName, exception.EventName));
        }
    }

    public string EventName(TEvent domainEvent) => kind.Codec.Name(domainEvent);

    public void WriteEvent(Utf8JsonWriter writer, TEvent domainEvent)
    {
        var (_, body) = PayloadJson.Untag(kind.Codec.Serialize(domainEvent));
        body.WriteTo(writer);
    }

    public TEvent ReadEvent(string name, JsonElement body) =>
        kind.Codec.Deserialize(new JsonObject { [name] = JsonNode.Parse(body.GetRawText()) }.ToJsonString());

    public void WriteView(Utf8JsonWriter writer, TState state) =>
        (kind.View?.Invoke(state) ?? throw new InvalidOperationException($"{kind.AggregateType} has no view")).WriteTo(writer);
}
