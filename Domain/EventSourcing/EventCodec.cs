using System.Text.Json;

namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// An <see cref="IEventCodec{TEvent}"/> made of one entry per event type: its stored name, how its body's
/// fields are written and how they are read back. The body's object braces and the unknown-name error
/// are written once, here.
/// </summary>
public abstract class EventCodec<TEvent> : IEventCodec<TEvent>
    where TEvent : class
{
    private readonly Dictionary<Type, (string Name, Action<Utf8JsonWriter, TEvent> Write)> writers = [];
    private readonly Dictionary<string, Func<JsonElement, TEvent>> readers = new(StringComparer.Ordinal);

    public string EventName(TEvent domainEvent) => Entry(domainEvent).Name;

    public void WriteEvent(Utf8JsonWriter writer, TEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var write = Entry(domainEvent).Write;
        writer.WriteStartObject();
        write(writer, domainEvent);
        writer.WriteEndObject();
    }

    public TEvent ReadEvent(string name, JsonElement body) =>
        readers.TryGetValue(name, out var read) ? read(body) : throw new JsonException($"Unknown {typeof(TEvent).Name} '{name}'.");

    /// <summary>Adds the event type <typeparamref name="T"/> under its stored <paramref name="name"/> (never renamed once shipped).</summary>
    protected void Add<T>(string name, Action<Utf8JsonWriter, T> write, Func<JsonElement, T> read)
        where T : TEvent
    {
        writers.Add(typeof(T), (name, (writer, domainEvent) => write(writer, (T)domainEvent)));
        readers.Add(name, body => read(body));
    }

    private (string Name, Action<Utf8JsonWriter, TEvent> Write) Entry(TEvent domainEvent) =>
        writers.TryGetValue(domainEvent.GetType(), out var entry)
            ? entry
            : throw new ArgumentOutOfRangeException(nameof(domainEvent), domainEvent, $"Unknown {typeof(TEvent).Name}.");
}
