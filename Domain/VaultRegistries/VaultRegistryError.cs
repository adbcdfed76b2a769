namespace TradingBot.Acceptance.Domain.VaultRegistries;

/// <summary>Discoveries are accepted in any state, so no rule can be broken: this hierarchy has no cases.</summary>
public abstract record VaultRegistryError
{
    private VaultRegistryError() { }
}
