using System.Text.Json;

namespace TradingBot.Acceptance.Domain.VaultRegistries;

/// <summary>The <c>vault_registry_view</c> row: every known equity vault and the USDC vault.</summary>
public static class VaultRegistryView
{
    public const string Table = "vault_registry_view";

    public static void Write(Utf8JsonWriter writer, VaultRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(registry);
        writer.WriteStartObject();
        writer.WriteStartArray("equity_vaults");
        foreach (var vault in registry.EquityVaults.Values.OrderBy(vault => vault.Symbol.Value, StringComparer.Ordinal))
        {
            writer.WriteStartObject();
            writer.WriteString("token", vault.Token);
            writer.WriteString("vault_id", vault.VaultId);
            writer.WriteString("discovered_in", vault.DiscoveredIn);
            writer.WriteString("symbol", vault.Symbol.Value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (registry.UsdcVault is { } usdc)
        {
            writer.WriteStartObject("usdc_vault");
            writer.WriteString("vault_id", usdc.VaultId);
            writer.WriteString("discovered_in", usdc.DiscoveredIn);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("usdc_vault");
        }

        writer.WriteEndObject();
    }
}
