using System.Text.Json;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using Event = TradingBot.Acceptance.Domain.VaultRegistries.VaultRegistryEvent;

namespace TradingBot.Acceptance.Domain.VaultRegistries;

/// <summary>Stored names and snake_case payloads of the vault registry events (version 1.0).</summary>
public sealed class VaultRegistryEventCodec : IEventCodec<Event>
{
    public string EventName(Event domainEvent) => domainEvent switch
    {
        Event.EquityVaultDiscovered => "EquityVaultDiscovered",
        Event.UsdcVaultDiscovered => "UsdcVaultDiscovered",
        _ => throw new ArgumentOutOfRangeException(nameof(domainEvent), domainEvent, "Unknown vault registry event"),
    };

    public void WriteEvent(Utf8JsonWriter writer, Event domainEvent)
    {
        writer.WriteStartObject();
        switch (domainEvent)
        {
            case Event.EquityVaultDiscovered e:
                writer.WriteString("token", e.Token);
                writer.WriteString("vault_id", e.VaultId);
                writer.WriteString("discovered_in", e.DiscoveredIn);
                writer.WriteString("symbol", e.Symbol.Value);
                writer.WriteTimestamp("discovered_at", e.DiscoveredAt);
                break;
            case Event.UsdcVaultDiscovered e:
                writer.WriteString("vault_id", e.VaultId);
                writer.WriteString("discovered_in", e.DiscoveredIn);
                writer.WriteTimestamp("discovered_at", e.DiscoveredAt);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(domainEvent), domainEvent, "Unknown vault registry event");
        }

        writer.WriteEndObject();
    }

    public Event ReadEvent(string name, JsonElement body) => name switch
    {
        "EquityVaultDiscovered" => new Event.EquityVaultDiscovered(
            body.GetText("token"), body.GetText("vault_id"), body.GetText("discovered_in"), new Symbol(body.GetText("symbol")),
            body.GetTimestamp("discovered_at")),
        "UsdcVaultDiscovered" => new Event.UsdcVaultDiscovered(
            body.GetText("vault_id"), body.GetText("discovered_in"), body.GetTimestamp("discovered_at")),
        _ => throw new JsonException($"Unknown vault registry event '{name}'."),
    };
}
