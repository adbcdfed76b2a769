using System.Globalization;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Support.World;

namespace TradingBot.Acceptance.Support.Drivers;

/// <summary>What the scenario's broker received, from its own journal: the Alpaca simulator's order book over HTTP, else the broker double's.</summary>
public sealed class BrokerJournalDriver(ScenarioWorld host)
{
    public IReadOnlyList<BrokerOrder> ReceivedOrders() => host.Broker.OverHttp
        ? [.. host.Broker.Http.OrderBook.Orders().Select(order => new BrokerOrder(
            order["side"]!.GetValue<string>() == "buy" ? Direction.Buy : Direction.Sell,
            new FractionalShares(decimal.Parse(order["qty"]!.GetValue<string>(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)),
            new Symbol(order["symbol"]!.GetValue<string>())))]
        : [.. host.Broker.Mock.ReceivedOrders().Select(order => new BrokerOrder(order.Direction, order.Shares, order.Symbol))];
}
