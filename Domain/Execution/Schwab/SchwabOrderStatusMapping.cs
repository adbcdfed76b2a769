using TradingBot.Acceptance.Domain.Execution.BrokerHttp;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Http;

namespace TradingBot.Acceptance.Domain.Execution.Schwab;

/// <summary>Trader API order statuses as broker order states; anything else is an invalid response.</summary>
public static class SchwabOrderStatusMapping
{
    private static readonly HashSet<string> Waiting =
    [
        "AWAITING_PARENT_ORDER", "AWAITING_CONDITION", "AWAITING_STOP_CONDITION", "AWAITING_MANUAL_REVIEW",
        "ACCEPTED", "AWAITING_UR_OUT", "PENDING_ACTIVATION", "QUEUED", "NEW", "AWAITING_RELEASE_TIME",
        "PENDING_ACKNOWLEDGEMENT",
    ];

    private static readonly HashSet<string> Working = ["WORKING", "PENDING_CANCEL", "PENDING_REPLACE", "PENDING_RECALL"];

    private static readonly HashSet<string> Ended = ["CANCELED", "REJECTED", "EXPIRED", "REPLACED"];

    public static BrokerOrderState ToState(
        SchwabOrder order, BrokerOrderId orderId, BrokerHttpOutcome.Answered answer, DateTimeOffset now)
    {
        BrokerOrderState Invalid(string problem) =>
            new BrokerOrderState.Unreadable(BrokerFailures.InvalidResponse(answer.StatusCode, problem, answer.Body));

        var filled = order.FilledQuantity ?? 0m;
        if (order.Status is not { } status)
            return Invalid("missing field 'status'");
        if (filled < 0m)
            return Invalid("negative 'filledQuantity'");
        if (Waiting.Contains(status))
            return new BrokerOrderState.Pending();
        if (Working.Contains(status))
            return new BrokerOrderState.Submitted(orderId, new FractionalShares(filled));
        if (Ended.Contains(status))
            return filled > 0m && AveragePrice(order) is { } avgPrice
                ? new BrokerOrderState.CanceledAfterPartialFill(
                    orderId, new FractionalShares(filled), avgPrice, now, EndedReason(order, status))
                : new BrokerOrderState.Failed(now, EndedReason(order, status));
        if (status != "FILLED")
            return Invalid($"unknown order status '{status}'");
        return AveragePrice(order) is { } price
            ? new BrokerOrderState.Filled(orderId, price, now)
            : Invalid("no execution legs with quantity and price");
    }

    /// <summary>Schwab's own words for an ended order, excerpted and redacted like every venue text.</summary>
    private static string EndedReason(SchwabOrder order, string status) =>
        order.StatusDescription is { } description
            ? HttpErrorText.Excerpt(description)
            : $"broker reported the order {status}";

    /// <summary>The quantity-weighted price of all execution legs.</summary>
    private static Usd? AveragePrice(SchwabOrder order)
    {
        var legs = (order.OrderActivityCollection ?? [])
            .SelectMany(activity => activity.ExecutionLegs ?? [])
            .Where(leg => leg is { Quantity: > 0m, Price: > 0m })
            .ToList();
        var shares = legs.Sum(leg => leg.Quantity!.Value);
        if (shares == 0m)
            return null;
        var cost = legs.Sum(leg => leg.Quantity!.Value * leg.Price!.Value);
        // Six places keep a repeating quotient readable; banker's rounding avoids a drift over many fills.
        return new Usd(Math.Round(cost / shares, 6, MidpointRounding.ToEven));
    }
}
