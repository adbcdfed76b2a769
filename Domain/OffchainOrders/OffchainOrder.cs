using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.OffchainOrders;

/// <summary>One broker order, in every state it can be in and no others: Filled and Failed are terminal.</summary>
public abstract record OffchainOrder
{
    private OffchainOrder(OrderTerms terms) => Terms = terms;

    public OrderTerms Terms { get; }

    /// <summary>Recorded, not yet known to be at the broker.</summary>
    public sealed record Pending(OrderTerms Terms) : OffchainOrder(Terms);

    public sealed record Submitted(OrderTerms Terms, BrokerOrderId BrokerOrderId, DateTimeOffset SubmittedAt) : OffchainOrder(Terms);

    public sealed record PartiallyFilled(
        OrderTerms Terms,
        BrokerOrderId BrokerOrderId,
        FractionalShares SharesFilled,
        Usd AvgPrice,
        DateTimeOffset PartiallyFilledAt) : OffchainOrder(Terms);

    public sealed record Filled(OrderTerms Terms, BrokerOrderId BrokerOrderId, Usd Price, DateTimeOffset FilledAt) : OffchainOrder(Terms);

    public sealed record Failed(OrderTerms Terms, BrokerOrderId? BrokerOrderId, string Error, DateTimeOffset FailedAt) : OffchainOrder(Terms);

    /// <summary>The view's <c>status</c>: Pending, Submitted, PartiallyFilled, Filled or Failed.</summary>
    public string Status => GetType().Name;

    public bool IsTerminal => this is Filled or Failed;
}
