using Reqnroll;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Rebalancing;

namespace TradingBot.Acceptance.Support.Parameters;

/// <summary>The inventory's words: <c>{holding}</c> is USDC or an equity symbol such as AAPL.</summary>
[Binding]
public static class InventoryParameters
{
    [StepArgumentTransformation(@"(USDC|[A-Z][A-Z0-9.]*)", Name = "holding")]
    public static InventoryAsset ToHolding(string name) =>
        name == "USDC" ? new InventoryAsset.Usdc() : new InventoryAsset.Equity(new Symbol(name));
}
