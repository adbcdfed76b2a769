using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.Positions;

/// <summary>Which threshold a hedge crossed, recorded with the signed net at that moment.</summary>
public abstract record TriggerReason
{
    private TriggerReason() { }

    public sealed record SharesThreshold(FractionalShares NetPositionShares, FractionalShares ThresholdShares) : TriggerReason;

    public sealed record DollarThreshold(FractionalShares NetPositionShares, Usd DollarValue, Usd PriceUsdc, Usd ThresholdDollars) : TriggerReason;
}
