using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;

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

    /// <summary>Only an order whose cancel the bot requested is settled by <c>ConfirmCancel</c>.</summary>
    public sealed record NoCancelRequested : OffchainOrderError;

    /// <summary>A partial fill must be more than nothing and less than the order, with a price.</summary>
    public sealed record InvalidPartialFill(FractionalShares SharesFilled, FractionalShares Ordered) : OffchainOrderError;

    /// <summary>Only a failed order the broker never acknowledged, not credited yet, takes a late fill of at most its shares.</summary>
    public sealed record NotALateFill(string Status) : OffchainOrderError;
}
