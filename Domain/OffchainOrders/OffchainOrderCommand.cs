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

    /// <summary>Records that the bot asks the broker to cancel the order (once; asking again records nothing).</summary>
    public sealed record RequestCancel(string Reason) : OffchainOrderCommand;

    /// <summary>The broker ended an order whose cancel was requested, with <paramref name="SharesFilled"/> of it filled.</summary>
    public sealed record ConfirmCancel(FractionalShares SharesFilled, Usd? AvgPrice) : OffchainOrderCommand;

    /// <summary>Raises the operator alert for an order still in doubt an hour after its cancel request (once).</summary>
    public sealed record RaiseDoubtAlert(ExecutionId OrderId) : OffchainOrderCommand;

    /// <summary>Credits a fill the broker reported for an order the bot had failed before it was acknowledged.</summary>
    public sealed record RecordLateFill(BrokerOrderId BrokerOrderId, FractionalShares SharesFilled, Usd AvgPrice) : OffchainOrderCommand;
}
