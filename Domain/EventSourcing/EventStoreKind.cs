using System.Text.Json.Serialization;

namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>Where the bot keeps its events: an embedded SQLite file (the default) or a PostgreSQL server.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EventStoreKind>))]
public enum EventStoreKind
{
    Sqlite,
    Postgres,
}
