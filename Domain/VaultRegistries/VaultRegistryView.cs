using System.Text.Json.Nodes;

namespace TradingBot.Acceptance.Domain.VaultRegistries;

/// <summary>The <c>vault_registry_view</c> row: every known equity vault and the USDC vault.</summary>
public static class VaultRegistryView
{
    public const string Table = "vault_registry_view";

    public static JsonObject ToJson(VaultRegistry registry) => new()
    {
        ["equity_vaults"] = new JsonArray([.. registry.EquityVaults.Values.OrderBy(vault => vault.Symbol.Value, StringComparer.Ordinal)
            .Select(vault => (JsonNode)new JsonObject
            {
                ["token"] = vault.Token, ["vault_id"] = vault.VaultId, ["discovered_in"] = vault.DiscoveredIn, ["symbol"] = vault.Symbol.Value,
            })]),
        ["usdc_vault"] = registry.UsdcVault is { } usdc
            ? new JsonObject { ["vault_id"] = usdc.VaultId, ["discovered_in"] = usdc.DiscoveredIn }
            : null,
    };
}
