using System.Globalization;
using TradingBot.Acceptance.Domain.Execution.BrokerHttp;
using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.Execution.Alpaca;

/// <summary>Alpaca order statuses as broker order states (DOMAIN §9.1); anything else is an invalid response.</summary>
public static class AlpacaOrderStatusMapping
{
    private static readonly HashSet<string> Working =
    [
        "new", "accepted", "pending_new", "partially_filled", "accepted_for_bidding",
        "pending_cancel", "pending_replace", "stopped",
    ];

    private static readonly HashSet<string> Ended =
    [
        "canceled", "expired", "done_for_day", "rejected", "replaced", "suspended", "calculated",
    ];

    public static BrokerOrderState ToState(
        AlpacaOrder order, BrokerOrderId orderId, BrokerHttpOutcome.Answered answer, DateTimeOffset now)
    {
        BrokerOrderState Invalid(string problem) =>
            new BrokerOrderState.Unreadable(BrokerFailures.InvalidResponse(answer.StatusCode, problem, answer.Body));

        if (order.Status is not { } status)
            return Invalid("missing field 'status'");
        if (!TryReadDecimal(order.FilledQty ?? "0", out var filled))
            return Invalid("unreadable 'filled_qty'");
        if (filled < 0m)
            return Invalid("negative 'filled_qty'");
        if (Working.Contains(status))
            return new BrokerOrderState.Submitted(orderId, new FractionalShares(filled));
        if (Ended.Contains(status))
            return filled > 0m && TryReadPrice(order.FilledAvgPrice, out var avgPrice)
                ? new BrokerOrderState.CanceledAfterPartialFill(orderId, new FractionalShares(filled), new Usd(avgPrice), now, $"broker reported the order {status}")
                : new BrokerOrderState.Failed(now, $"broker reported the order {status}");
        if (status != "filled")
            return Invalid($"unknown order status '{status}'");
        if (!TryReadPrice(order.FilledAvgPrice, out var price))
            return Invalid("missing or unreadable 'filled_avg_price'");
        return new BrokerOrderState.Filled(orderId, new Usd(price), now);
    }

    private static bool TryReadPrice(string? text, out decimal price)
    {
        price = 0m;
        return text is not null && TryReadDecimal(text, out price) && price > 0m;
    }

    private static bool TryReadDecimal(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
}
