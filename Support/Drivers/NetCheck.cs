using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Support.Drivers;

/// <summary>A position's net beside what it must be: on-chain buys minus sells plus filled hedges (buys add, sells subtract).</summary>
public sealed record NetCheck(Symbol Symbol, decimal Net, decimal OnChainBuys, decimal OnChainSells, decimal FilledHedges)
{
    public decimal ExpectedNet => OnChainBuys - OnChainSells + FilledHedges;
}
