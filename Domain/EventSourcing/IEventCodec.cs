using System.Text.Json;

namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// How one aggregate's events are spelled in the log: each under its versioned stored name (never the CLR
/// name), its body written as UTF-8 JSON and read back from a <see cref="JsonElement"/>.
/// </summary>
public interface IEventCodec<TEvent>
{
    /// <summary>The event's stored name, e.g. <c>MintRequested</c>.</summary>
    string EventName(TEvent domainEvent);

    /// <summary>Writes the event's body (the value under its name in the externally tagged payload).</summary>
    void WriteEvent(Utf8JsonWriter writer, TEvent domainEvent);

    /// <summary>Reads an event's body back; throws <see cref="JsonException"/> for an unknown name or field.</summary>
    TEvent ReadEvent(string name, JsonElement body);
}
