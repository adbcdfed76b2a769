using System.Buffers;
using System.Text;
using System.Text.Json;

namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// The stored payload of an event, <c>{"Name":{…body…}}</c> (externally tagged), as text: for whoever reads
/// the log outside a unit of work (the committed-event feed, a stream load, a test).
/// </summary>
public static class EventPayload
{
    public static string Write<TEvent>(IEventCodec<TEvent> codec, TEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(codec);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName(codec.EventName(domainEvent));
            codec.WriteEvent(writer, domainEvent);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads a tagged payload; one that does not parse is a <see cref="JsonException"/>.</summary>
    public static TEvent Read<TEvent>(IEventCodec<TEvent> codec, string payload)
    {
        ArgumentNullException.ThrowIfNull(codec);
        using var document = JsonDocument.Parse(payload);
        var tagged = Untag(document.RootElement, payload);
        return codec.ReadEvent(tagged.Name, tagged.Value);
    }

    /// <summary>The one tag of a payload and its body.</summary>
    public static JsonProperty Untag(JsonElement root, string payload) =>
        TryUntag(root, out var tagged) ? tagged : throw new JsonException($"An event payload holds one tagged object, not: {payload}");

    /// <summary>The one tag of a payload and its body; <c>false</c> when it holds anything else.</summary>
    public static bool TryUntag(JsonElement root, out JsonProperty tagged)
    {
        tagged = default;
        if (root.ValueKind != JsonValueKind.Object)
            return false;
        using var properties = root.EnumerateObject(); // walked as it is: no list per event read
        if (!properties.MoveNext())
            return false;
        tagged = properties.Current;
        return !properties.MoveNext();
    }
}
