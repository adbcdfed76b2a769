using Reqnroll;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Rebalancing;

namespace TradingBot.Acceptance.Support.Parameters;

/// <summary>The inventory's words: <c>{holding}</c> is USDC or an equity symbol such as AAPL; <c>{comparison}</c> more or less.</summary>
[Binding]
public static class InventoryParameters
{
    [StepArgumentTransformation(@"(USDC|[A-Z][A-Z0-9.]*)", Name = "holding")]
    public static InventoryAsset ToHolding(string name) =>
        name == "USDC" ? new InventoryAsset.Usdc() : new InventoryAsset.Equity(new Symbol(name));

    /// <summary><c>{comparison}</c>: "more" than asked is +1, "less" or "fewer" is −1, the sign of a venue's error.</summary>
    [StepArgumentTransformation("(more|less|fewer)", Name = "comparison")]
    public static int ToComparison(string word) => word == "more" ? 1 : -1;
}
