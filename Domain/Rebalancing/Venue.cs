namespace TradingBot.Acceptance.Domain.Rebalancing;

/// <summary>Where a holding sits: on-chain (our vaults on Base) or off-chain (at the broker).</summary>
public enum Venue
{
    Onchain,
    Offchain,
}
