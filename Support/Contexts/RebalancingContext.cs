using System.Text;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Rebalancing;

namespace TradingBot.Acceptance.Support.Contexts;

/// <summary>What a rebalancing scenario remembers: the holding its inventory names, and each registered vault.</summary>
public sealed class RebalancingContext
{
    private readonly Dictionary<Symbol, RegisteredVault> vaults = [];
    private InventoryAsset? holding;

    public void Remember(InventoryAsset asset) => holding = asset;

    /// <summary>The holding the scenario's inventory step named: the one "the rebalancer was asked to" move.</summary>
    public InventoryAsset Holding => holding ?? throw new InvalidOperationException(
        "No inventory has been set in this scenario yet: add 'Given the inventory holds …'.");

    public Symbol HeldEquity => Holding is InventoryAsset.Equity equity
        ? equity.Symbol
        : throw new InvalidOperationException($"The scenario's inventory holds {Holding}, not an equity.");

    /// <summary>The symbol's token and vault, made up from its ticker so that every symbol has its own.</summary>
    public RegisteredVault VaultOf(Symbol symbol)
    {
        if (vaults.TryGetValue(symbol, out var known))
            return known;
        var hex = Convert.ToHexString(Encoding.ASCII.GetBytes(symbol.Value)).ToLowerInvariant();
        var vault = new RegisteredVault(symbol, "0x7" + hex.PadLeft(39, '0'), "0x" + hex.PadLeft(64, '0'));
        vaults[symbol] = vault;
        return vault;
    }
}
