using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.EquityRedemptions;

public abstract record EquityRedemptionEvent
{
    private EquityRedemptionEvent() { }

    public sealed record TokensSent(
        Symbol Symbol, FractionalShares Quantity, string RedemptionWallet, string TxHash, DateTimeOffset SentAt)
        : EquityRedemptionEvent;

    public sealed record Detected(string TokenizationRequestId, DateTimeOffset DetectedAt) : EquityRedemptionEvent;

    public sealed record DetectionFailed(string Reason, DateTimeOffset FailedAt) : EquityRedemptionEvent;

    public sealed record Completed(DateTimeOffset CompletedAt) : EquityRedemptionEvent;

    public sealed record RedemptionRejected(string Reason, DateTimeOffset RejectedAt) : EquityRedemptionEvent;
}
