using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.OffchainOrders;

public abstract record OffchainOrderCommand
{
    private OffchainOrderCommand() { }

    /// <summary>Records the order; the caller makes the <paramref name="ClientOrderId"/> (a UUID v4) so deciding stays pure.</summary>
    public sealed record Place(Symbol Symbol, FractionalShares Shares, Direction Direction, SupportedExecutor Executor, ClientOrderId ClientOrderId)
        : OffchainOrderCommand;

    public sealed record ConfirmSubmission(BrokerOrderId BrokerOrderId) : OffchainOrderCommand;

    public sealed record UpdatePartialFill(FractionalShares SharesFilled, Usd AvgPrice) : OffchainOrderCommand;

    public sealed record CompleteFill(Usd Price) : OffchainOrderCommand;

    public sealed record MarkFailed(string Error) : OffchainOrderCommand;
}
