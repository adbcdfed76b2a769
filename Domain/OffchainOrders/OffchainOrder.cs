using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.OffchainOrders;

/// <summary>
/// One broker order, in every state it can be in and no others: Filled, Failed and CanceledAfterPartialFill
/// are terminal. An acknowledged order whose cancel was requested is in doubt until the broker says how it ended.
/// </summary>
public abstract record OffchainOrder : ISettledState
{
    private OffchainOrder(OrderTerms terms) => Terms = terms;

    public OrderTerms Terms { get; }

    /// <summary>Recorded, not yet known to be at the broker.</summary>
    public sealed record Pending(OrderTerms Terms) : OffchainOrder(Terms);

    public sealed record Submitted(OrderTerms Terms, BrokerOrderId BrokerOrderId, DateTimeOffset SubmittedAt, CancelRequest? Cancel = null)
        : OffchainOrder(Terms);

    public sealed record PartiallyFilled(
        OrderTerms Terms,
        BrokerOrderId BrokerOrderId,
        FractionalShares SharesFilled,
        Usd AvgPrice,
        DateTimeOffset PartiallyFilledAt,
        CancelRequest? Cancel = null) : OffchainOrder(Terms);

    public sealed record Filled(OrderTerms Terms, BrokerOrderId BrokerOrderId, Usd Price, DateTimeOffset FilledAt) : OffchainOrder(Terms);

    /// <summary>Ended without a fill; a fill found later at the broker is credited as its <paramref name="LateFill"/>.</summary>
    public sealed record Failed(OrderTerms Terms, BrokerOrderId? BrokerOrderId, string Error, DateTimeOffset FailedAt, LateFill? LateFill = null)
        : OffchainOrder(Terms);

    /// <summary>Canceled at the bot's request after part of it filled: that part is credited, the rest is hedged again.</summary>
    public sealed record CanceledAfterPartialFill(
        OrderTerms Terms,
        BrokerOrderId BrokerOrderId,
        FractionalShares SharesFilled,
        Usd AvgPrice,
        DateTimeOffset CanceledAt) : OffchainOrder(Terms);

    /// <summary>The view's <c>status</c>: Pending, Submitted, PartiallyFilled, Filled, Failed or CanceledAfterPartialFill.</summary>
    public string Status => GetType().Name;

    // Terminal, and no late fill left to look for (§13.5 looks only at failures not yet credited).
    bool ISettledState.IsSettled => this is Filled or CanceledAfterPartialFill or Failed { LateFill: not null };

    public bool IsTerminal => this is Filled or Failed or CanceledAfterPartialFill;

    /// <summary>The cancel the bot asked for, while the order is open: the order is then in doubt.</summary>
    public CancelRequest? CancelRequested => this switch
    {
        Submitted submitted => submitted.Cancel,
        PartiallyFilled partial => partial.Cancel,
        _ => null,
    };

    public bool IsInDoubt => CancelRequested is not null;
}
