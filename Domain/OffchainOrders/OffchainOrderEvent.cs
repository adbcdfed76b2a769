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
}
