using Microsoft.Extensions.DependencyInjection;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OffchainOrders;
using TradingBot.Acceptance.Domain.Risk;
using TradingBot.Acceptance.Support.Fakes;
using TradingBot.Acceptance.Support.TestData;

namespace TradingBot.Acceptance.Support.Drivers;

/// <summary>
/// The running bot on a main and a fallback broker, each over HTTP to its simulator: a broker goes down or comes
/// back by its line, and the bot's own position checker finds out with its account probe on the next tick.
/// </summary>
public sealed partial class RunningBotDriver
{
    // Orders the simulators have filled: the bot reads each fill on a later poll, and each is filled once.
    private readonly HashSet<string> filledAtTheBroker = [];

    /// <summary>The running bot's controls, as its tasks use them.</summary>
    public RiskControls Risk => Bot.Services.GetRequiredService<RiskControls>();

    /// <summary>Starts the bot hedging on <paramref name="main"/>, falling back to <paramref name="fallback"/>.</summary>
    public Task StartAsync(SupportedExecutor main, SupportedExecutor fallback)
    {
        world.UseBrokers(main, fallback);
        return StartAsync();
    }

    /// <summary>The broker's simulator refuses every call until the bot's checker has probed it and moved new hedges away.</summary>
    public Task CutAsync(SupportedExecutor broker)
    {
        world.Broker.LineTo(broker).Cut();
        return PassUntilAsync(() => Risk.Status().Fallback is not null, $"the bot's checker found {BrokerRoute.Name(broker)} down");
    }

    /// <summary>The broker's simulator answers again until the bot's checker has probed it and sent new hedges back to it.</summary>
    public Task RestoreAsync(SupportedExecutor broker)
    {
        world.Broker.LineTo(broker).Restore();
        return PassUntilAsync(() => Risk.Status().Fallback is null, $"the bot's checker found {BrokerRoute.Name(broker)} up again");
    }

    /// <summary>What the broker's simulator accepted, in the order it arrived.</summary>
    public IReadOnlyList<BrokerOrder> ReceivedBy(SupportedExecutor broker) => OrderBookOf(broker).Received();

    /// <summary>The bot's orders held by <paramref name="broker"/>, in the order they were placed.</summary>
    public IReadOnlyList<BrokerOrder> OrdersAt(SupportedExecutor broker) =>
        [.. Orders().Select(tracked => tracked.Order.Terms).Where(terms => terms.Executor == broker)
            .Select(terms => new BrokerOrder(terms.Direction, terms.Shares, terms.Symbol))];

    /// <summary>The HTTP brokers' simulators fill every order the bot has open at them, at the scenario's price; the dry-run broker fills by itself.</summary>
    private void FillOpenOrdersAtTheBrokers()
    {
        if (!world.Broker.OverHttp)
            return;
        foreach (var order in OpenOrders().Select(tracked => tracked.Order))
        {
            var brokerOrderId = order switch
            {
                OffchainOrder.Submitted submitted => submitted.BrokerOrderId.Value,
                OffchainOrder.PartiallyFilled partial => partial.BrokerOrderId.Value,
                _ => null,
            };
            if (brokerOrderId is not null && filledAtTheBroker.Add(brokerOrderId))
                OrderBookOf(order.Terms.Executor).Fill(brokerOrderId, ScenarioDefaults.ScenarioPriceOf(order.Terms.Symbol));
        }
    }

    private ISimulatedOrderBook OrderBookOf(SupportedExecutor broker) =>
        broker == SupportedExecutor.Schwab ? world.Broker.SchwabSimulator.OrderBook : world.Broker.AlpacaSimulator.OrderBook;
}
