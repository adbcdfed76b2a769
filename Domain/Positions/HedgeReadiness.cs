using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.Positions;

/// <summary>The hedge decision of DOMAIN §5, in its order: pending, threshold, quantity, side.</summary>
public static class HedgeReadiness
{
    /// <summary>The threshold the net crosses (inclusive), or <c>null</c>; a dollar threshold needs a last price.</summary>
    public static TriggerReason? Trigger(Position position)
    {
        var exposure = position.Net.Abs();
        return position.Threshold switch
        {
            ExecutionThreshold.Shares shares when exposure >= shares.Count =>
                new TriggerReason.SharesThreshold(position.Net, shares.Count),
            ExecutionThreshold.DollarValue dollars when position.LastPriceUsdc is { } price && price * exposure.Value >= dollars.Amount =>
                new TriggerReason.DollarThreshold(position.Net, price * exposure.Value, price, dollars.Amount),
            _ => null,
        };
    }

    public static HedgeDecision Evaluate(Position position, SupportedExecutor executor)
    {
        if (position.PendingExecutionId is { } pending)
            return new HedgeDecision.NotReady($"execution {pending} is pending");
        if (Trigger(position) is null)
            return new HedgeDecision.NotReady($"net {position.Net} is below the threshold {position.Threshold}");
        var shares = executor == SupportedExecutor.Schwab ? position.Net.Abs().TruncateToWholeShares() : position.Net.Abs();
        if (shares.IsZero)
            return new HedgeDecision.NotReady($"net {position.Net} holds no whole share");
        return new HedgeDecision.Ready(shares, position.Net.Value < 0m ? Direction.Buy : Direction.Sell);
    }
}
