using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.Rebalancing;

/// <summary>What the inventory counts: one equity symbol, or USDC.</summary>
public abstract record InventoryAsset
{
    private InventoryAsset() { }

    public sealed record Equity(Symbol Symbol) : InventoryAsset
    {
        public override string ToString() => Symbol.Value;
    }

    public sealed record Usdc : InventoryAsset
    {
        public override string ToString() => "USDC";
    }
}
