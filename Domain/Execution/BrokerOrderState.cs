using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.Execution;

/// <summary>An order's status as the broker reports it.</summary>
public abstract record BrokerOrderState
{
    private BrokerOrderState() { }

    /// <summary>Known to the broker but not yet working.</summary>
    public sealed record Pending : BrokerOrderState;

    /// <summary>Working at the broker; a partial fill counts as still open.</summary>
    public sealed record Submitted(BrokerOrderId OrderId, FractionalShares FilledSoFar) : BrokerOrderState;

    public sealed record Filled(BrokerOrderId OrderId, Usd Price, DateTimeOffset ExecutedAt) : BrokerOrderState;

    public sealed record Failed(DateTimeOffset FailedAt, string? ErrorReason) : BrokerOrderState;

    /// <summary>Ended (canceled, expired) after part of it filled: <paramref name="SharesFilled"/> at <paramref name="AvgPrice"/>.</summary>
    public sealed record CanceledAfterPartialFill(
        BrokerOrderId OrderId, FractionalShares SharesFilled, Usd AvgPrice, DateTimeOffset CanceledAt, string ErrorReason) : BrokerOrderState;

    /// <summary>The status could not be read this time; the order is left as it is.</summary>
    public sealed record Unreadable(BrokerFailure Failure) : BrokerOrderState;
}
