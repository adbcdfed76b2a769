using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using Event = TradingBot.Acceptance.Domain.VaultRegistries.VaultRegistryEvent;

namespace TradingBot.Acceptance.Domain.VaultRegistries;

/// <summary>Stored names and snake_case payloads of the vault registry events (version 1.0).</summary>
public sealed class VaultRegistryEventCodec : EventCodec<Event>
{
    public VaultRegistryEventCodec()
    {
        Add<Event.EquityVaultDiscovered>("EquityVaultDiscovered",
            (writer, e) =>
            {
                writer.WriteString("token", e.Token);
                writer.WriteString("vault_id", e.VaultId);
                writer.WriteString("discovered_in", e.DiscoveredIn);
                writer.WriteString("symbol", e.Symbol.Value);
                writer.WriteTimestamp("discovered_at", e.DiscoveredAt);
            },
            body => new(body.GetText("token"), body.GetText("vault_id"), body.GetText("discovered_in"), new Symbol(body.GetText("symbol")),
                body.GetTimestamp("discovered_at")));
        Add<Event.UsdcVaultDiscovered>("UsdcVaultDiscovered",
            (writer, e) =>
            {
                writer.WriteString("vault_id", e.VaultId);
                writer.WriteString("discovered_in", e.DiscoveredIn);
                writer.WriteTimestamp("discovered_at", e.DiscoveredAt);
            },
            body => new(body.GetText("vault_id"), body.GetText("discovered_in"), body.GetTimestamp("discovered_at")));
    }
}
