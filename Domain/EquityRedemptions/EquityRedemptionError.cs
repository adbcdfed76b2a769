namespace TradingBot.Acceptance.Domain.EquityRedemptions;

/// <summary>The rule a redemption command broke.</summary>
public abstract record EquityRedemptionError
{
    private EquityRedemptionError() { }

    public sealed record TokensNotSent : EquityRedemptionError;

    public sealed record NotPending : EquityRedemptionError;

    public sealed record NotPendingForRejection : EquityRedemptionError;

    public sealed record AlreadyCompleted : EquityRedemptionError;

    public sealed record AlreadyFailed : EquityRedemptionError;
}
