using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.OffchainOrders;

public abstract record OffchainOrderEvent
{
    private OffchainOrderEvent() { }

    public sealed record Placed(
        Symbol Symbol,
        FractionalShares Shares,
        Direction Direction,
        SupportedExecutor Executor,
        ClientOrderId ClientOrderId,
        DateTimeOffset PlacedAt) : OffchainOrderEvent;

    public sealed record Submitted(BrokerOrderId BrokerOrderId, DateTimeOffset SubmittedAt) : OffchainOrderEvent;

    public sealed record PartiallyFilled(FractionalShares SharesFilled, Usd AvgPrice, DateTimeOffset PartiallyFilledAt) : OffchainOrderEvent;

    public sealed record Filled(Usd Price, DateTimeOffset FilledAt) : OffchainOrderEvent;

    public sealed record Failed(string Error, DateTimeOffset FailedAt) : OffchainOrderEvent;

    /// <summary>The bot asked the broker to cancel an acknowledged order that gave no status: the order is in doubt.</summary>
    public sealed record CancelRequested(string Reason, DateTimeOffset RequestedAt) : OffchainOrderEvent;

    /// <summary>The broker canceled the order after part of it filled.</summary>
    public sealed record CanceledAfterPartialFill(FractionalShares SharesFilled, Usd AvgPrice, DateTimeOffset CanceledAt) : OffchainOrderEvent;

    /// <summary>The operator alert: the order is still in doubt an hour after its cancel request.</summary>
    public sealed record OrderInDoubt(ExecutionId OrderId, DateTimeOffset Since) : OffchainOrderEvent;

    /// <summary>A failed order filled at the broker after all; the fill is credited.</summary>
    public sealed record LateFillRecorded(BrokerOrderId BrokerOrderId, FractionalShares SharesFilled, Usd AvgPrice, DateTimeOffset RecordedAt)
        : OffchainOrderEvent;
}
