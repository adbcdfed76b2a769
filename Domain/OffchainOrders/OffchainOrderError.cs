using TradingBot.Acceptance.Domain.Execution;

namespace TradingBot.Acceptance.Domain.OffchainOrders;

public abstract record OffchainOrderError
{
    private OffchainOrderError() { }

    public sealed record NotPlaced : OffchainOrderError;

    public sealed record AlreadyPlaced : OffchainOrderError;

    public sealed record ConflictingBrokerOrderId(BrokerOrderId Existing, BrokerOrderId Given) : OffchainOrderError;

    public sealed record AlreadySubmitted : OffchainOrderError;

    public sealed record NotSubmitted : OffchainOrderError;

    public sealed record AlreadyCompleted : OffchainOrderError;
}
