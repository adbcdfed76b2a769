namespace TradingBot.Acceptance.Domain.EquityRedemptions;

/// <summary>Every state a redemption (vault tokens → broker shares) can be in, and no others.</summary>
public abstract record EquityRedemption
{
    private EquityRedemption() { }

    public sealed record NotSent : EquityRedemption;

    public sealed record TokensSent(RedemptionTerms Terms) : EquityRedemption;

    public sealed record Detected(RedemptionTerms Terms, string TokenizationRequestId, DateTimeOffset DetectedAt) : EquityRedemption;

    public sealed record DetectionFailed(RedemptionTerms Terms, string Reason, DateTimeOffset FailedAt) : EquityRedemption;

    public sealed record Completed(RedemptionTerms Terms, string TokenizationRequestId, DateTimeOffset CompletedAt) : EquityRedemption;

    public sealed record Rejected(RedemptionTerms Terms, string TokenizationRequestId, string Reason, DateTimeOffset RejectedAt)
        : EquityRedemption;
}
