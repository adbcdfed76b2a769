using System.Text.Json.Nodes;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Rebalancing.Persistence;
using static TradingBot.Acceptance.Domain.Rebalancing.Persistence.PayloadJson;
using Event = TradingBot.Acceptance.Domain.VaultRegistries.VaultRegistryEvent;

namespace TradingBot.Acceptance.Domain.VaultRegistries;

/// <summary>Stored names and snake_case payloads of the vault registry events (version 1.0).</summary>
public sealed class VaultRegistryEventCodec : IEventCodec<Event>
{
    public string Name(Event domainEvent) => domainEvent switch
    {
        Event.EquityVaultDiscovered => "EquityVaultDiscovered",
        Event.UsdcVaultDiscovered => "UsdcVaultDiscovered",
        _ => throw new ArgumentOutOfRangeException(nameof(domainEvent), domainEvent, "Unknown vault registry event"),
    };

    public string Serialize(Event domainEvent) => Tagged(Name(domainEvent), domainEvent switch
    {
        Event.EquityVaultDiscovered e => new JsonObject
        {
            ["token"] = e.Token,
            ["vault_id"] = e.VaultId,
            ["discovered_in"] = e.DiscoveredIn,
            ["symbol"] = e.Symbol.Value,
            ["discovered_at"] = Time(e.DiscoveredAt),
        },
        Event.UsdcVaultDiscovered e => new JsonObject
        {
            ["vault_id"] = e.VaultId,
            ["discovered_in"] = e.DiscoveredIn,
            ["discovered_at"] = Time(e.DiscoveredAt),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(domainEvent), domainEvent, "Unknown vault registry event"),
    });

    public Event Deserialize(string payload)
    {
        var (name, f) = Untag(payload);
        return name switch
        {
            "EquityVaultDiscovered" => new Event.EquityVaultDiscovered(
                Text(f, "token"), Text(f, "vault_id"), Text(f, "discovered_in"), new Symbol(Text(f, "symbol")), ReadTime(f, "discovered_at")),
            "UsdcVaultDiscovered" => new Event.UsdcVaultDiscovered(Text(f, "vault_id"), Text(f, "discovered_in"), ReadTime(f, "discovered_at")),
            _ => throw new InvalidOperationException($"Corrupt event payload: unknown vault registry event '{name}'"),
        };
    }
}
