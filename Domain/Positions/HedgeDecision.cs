using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.Positions;

/// <summary>Whether a position should be hedged now, and with what.</summary>
public abstract record HedgeDecision
{
    private HedgeDecision() { }

    public sealed record Ready(FractionalShares Shares, Direction Direction) : HedgeDecision;

    public sealed record NotReady(string Reason) : HedgeDecision;
}
