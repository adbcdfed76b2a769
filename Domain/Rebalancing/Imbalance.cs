namespace TradingBot.Acceptance.Domain.Rebalancing;

/// <summary>A holding outside its band, with the excess that must move to restore the target.</summary>
public abstract record Imbalance
{
    private Imbalance() { }

    /// <summary>Too little on-chain: mint, or move USDC from Alpaca to Base.</summary>
    public sealed record TooMuchOffchain(decimal Excess) : Imbalance;

    /// <summary>Too much on-chain: redeem, or move USDC from Base to Alpaca.</summary>
    public sealed record TooMuchOnchain(decimal Excess) : Imbalance;
}
