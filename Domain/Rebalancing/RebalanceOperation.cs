using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.Rebalancing;

/// <summary>What the trigger asks the Rebalancer to do.</summary>
public abstract record RebalanceOperation
{
    private RebalanceOperation() { }

    public sealed record Mint(Symbol Symbol, FractionalShares Quantity) : RebalanceOperation;

    public sealed record Redemption(Symbol Symbol, FractionalShares Quantity, string Token) : RebalanceOperation;

    public sealed record UsdcAlpacaToBase(Usd Amount) : RebalanceOperation;

    public sealed record UsdcBaseToAlpaca(Usd Amount) : RebalanceOperation;
}
