namespace TradingBot.Acceptance.Domain.Bridging;

/// <summary>The chains USDC moves between, numbered by their CCTP domain.</summary>
public enum CctpChain
{
    Ethereum = 0,
    Base = 6,
}
