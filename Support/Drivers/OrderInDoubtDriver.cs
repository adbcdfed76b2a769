using System.Globalization;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OffchainOrders;
using TradingBot.Acceptance.Support.World;

namespace TradingBot.Acceptance.Support.Drivers;

/// <summary>
/// Orders in doubt from the broker's side: a broker that stops answering status requests or cancel
/// requests, the cancel requests it received, the alerts the bot raised, and a lost order that turns up.
/// </summary>
public sealed class OrderInDoubtDriver(ScenarioWorld host, BrokerDriver broker, RunningBotDriver runningBot)
{
    /// <summary>The broker stops answering status requests: the bot cannot tell what became of its orders.</summary>
    public void StopAnsweringStatusRequests()
    {
        if (host.Broker.OverHttp)
            host.Broker.OrderBook.StopAnsweringStatusRequests();
        else
            host.Broker.Mock.WithStatusUnanswered();
    }

    /// <summary>The broker never answers cancel requests: the bot sends them again on each check.</summary>
    public void NeverAnswerCancels()
    {
        if (host.Broker.OverHttp)
            host.Broker.OrderBook.NeverAnswerCancels();
        else
            host.Broker.Mock.WithCancelsUnanswered();
    }

    /// <summary>How many cancel requests the broker received for the symbol's orders.</summary>
    public int CancelRequestsFor(Symbol symbol)
    {
        var ids = host.Orders.ForSymbol(symbol).Select(tracked => BrokerOrderIdOrNull(tracked.Order)).OfType<BrokerOrderId>().ToHashSet();
        return host.Broker.OverHttp
            ? host.Broker.OrderBook.CancelRequests().Count(id => ids.Contains(new BrokerOrderId(id)))
            : host.Broker.Mock.CancelRequests().Count(ids.Contains);
    }

    /// <summary>How many times the operator was alerted that one of the symbol's orders is still in doubt.</summary>
    public int InDoubtAlertsFor(Symbol symbol)
    {
        var ids = host.Orders.ForSymbol(symbol).Select(tracked => tracked.ExecutionId.ToString()).ToHashSet();
        return host.Database.ReadEventLog().Count(recorded =>
            recorded is { AggregateType: "OffchainOrder", EventName: "OrderInDoubt" } && ids.Contains(recorded.AggregateId));
    }

    /// <summary>
    /// The symbol's last order, failed before the broker acknowledged it, turns out to have reached the broker and
    /// filled there: lookups by its client order id find it, and the next poll reads the fill.
    /// </summary>
    public async Task ReportLostOrderFilledAsync(Symbol symbol, Usd price)
    {
        if (host.Broker.OverHttp)
            throw new InvalidOperationException("A lost order turning up is played by the dry-run broker only: drop @http-broker from the scenario.");
        var tracked = (host.Orders.ForSymbol(symbol) is [.., var last] ? last : null) ?? throw new InvalidOperationException($"The bot has placed no broker order for {symbol}.");
        if (tracked.Order is not OffchainOrder.Failed { BrokerOrderId: null } failed)
            throw new InvalidOperationException($"The last {symbol} order is {tracked.Order.Status}: only a failed order the broker never acknowledged can turn up later.");
        var orderId = new BrokerOrderId(string.Create(CultureInfo.InvariantCulture, $"LOST_{tracked.ExecutionId}"));
        host.Broker.Mock.WithLostOrderFound(failed.Terms.ClientOrderId, orderId);
        host.Broker.Mock.WithOrderStatus(orderId, new BrokerOrderState.Filled(orderId, price, host.Clock.GetUtcNow()));
        if (runningBot.IsRunning)
            await runningBot.PassUntilAsync(() => host.Orders.Load(tracked.ExecutionId) is OffchainOrder.Failed { LateFill: not null }, $"the late fill of the {symbol} order was read");
        else
            await broker.PollAsync();
    }

    private static BrokerOrderId? BrokerOrderIdOrNull(OffchainOrder order) => order switch
    {
        OffchainOrder.Submitted submitted => submitted.BrokerOrderId,
        OffchainOrder.PartiallyFilled partial => partial.BrokerOrderId,
        OffchainOrder.Filled filled => filled.BrokerOrderId,
        OffchainOrder.Failed failed => failed.BrokerOrderId,
        OffchainOrder.CanceledAfterPartialFill canceled => canceled.BrokerOrderId,
        _ => null,
    };
}
