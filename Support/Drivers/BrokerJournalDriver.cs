using TradingBot.Acceptance.Support.World;

namespace TradingBot.Acceptance.Support.Drivers;

/// <summary>What the scenario's broker received, from its own journal: the HTTP simulator's order book over HTTP, else the broker double's.</summary>
public sealed class BrokerJournalDriver(ScenarioWorld host)
{
    public IReadOnlyList<BrokerOrder> ReceivedOrders() => host.Broker.OverHttp
        ? host.Broker.OrderBook.Received()
        : [.. host.Broker.Mock.ReceivedOrders().Select(order => new BrokerOrder(order.Direction, order.Shares, order.Symbol))];

    /// <summary>The client order ids the broker double received more than once: an order sent twice.</summary>
    public IReadOnlyList<string> OrdersReceivedTwice() => host.Broker.OverHttp
        ? throw new InvalidOperationException("Orders sent twice are counted by the broker double; over HTTP, count the order requests instead.")
        : [.. host.Broker.Mock.ReceivedOrders().GroupBy(order => order.ClientOrderId).Where(sent => sent.Count() > 1).Select(sent => sent.Key.ToString())];

    /// <summary>How many times the bot asked Schwab's OAuth endpoint for an access token.</summary>
    public int SchwabSignIns() => host.Broker.Schwab.TokenRequests();
}
