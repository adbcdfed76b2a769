using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OffchainOrders;
using TradingBot.Acceptance.Domain.OrderStatus;
using TradingBot.Acceptance.Domain.Risk;
using TradingBot.Acceptance.Support.Contexts;
using TradingBot.Acceptance.Support.Fakes;
using TradingBot.Acceptance.Support.TestData;
using TradingBot.Acceptance.Support.World;

namespace TradingBot.Acceptance.Support.Drivers;

/// <summary>
/// The pre-trade controls in the features' words: the limits and the failure count a scenario sets, what an
/// operator does in process (the same commands the operator API calls), the main and fallback brokers going
/// down and coming back, and the control decisions the bot recorded.
/// </summary>
public sealed class RiskDriver(ScenarioWorld host, BrokerWaitContext waits, RunningBotDriver runningBot)
{
    /// <summary>Who the scenarios' operator is, as the kill switch records it.</summary>
    public const string Operator = "operator";

    private RiskControls Controls => host.Bot.Risk;

    public void LimitOrders(Usd limit) =>
        host.UseControls(controls => controls with { OrderLimit = RiskSettings.Limit(RiskSettings.OrderLimitField, limit.Value) });

    public void LimitTheDay(Usd limit) =>
        host.UseControls(controls => controls with { DailyLimit = RiskSettings.Limit(RiskSettings.DailyLimitField, limit.Value) });

    public void EngageAfterFailures(int failures) =>
        host.UseControls(controls => controls with { KillSwitchAfterFailures = RiskSettings.Failures(failures) });

    public void ResetWithTheNewDay() => host.UseControls(controls => controls with { AutoResetDaily = true });

    public void EngageKillSwitch() => Controls.EngageKillSwitch(null, Operator);

    public void ResetKillSwitch()
    {
        if (!Controls.ResetKillSwitch(Operator))
            throw new InvalidOperationException("The operator reset the kill switch, but it was not engaged.");
    }

    public RiskStatus Status() => Controls.Status();

    /// <summary>The bot hedges on <paramref name="main"/> and falls back to <paramref name="fallback"/>, both over HTTP to their simulators.</summary>
    public void HedgeWith(SupportedExecutor main, SupportedExecutor fallback) => host.UseBrokers(main, fallback);

    /// <summary>The broker's simulator refuses every call, and the checker's account probe has run since (the running bot's own, on its tick), so the bot knows.</summary>
    public Task GoDownAsync(SupportedExecutor broker)
    {
        if (runningBot.IsRunning)
            return runningBot.CutAsync(broker);
        host.Broker.LineTo(broker).Cut();
        return ProbeAsync();
    }

    /// <summary>The broker's simulator answers again, and the account probe has run since.</summary>
    public Task ComeBackUpAsync(SupportedExecutor broker)
    {
        if (runningBot.IsRunning)
            return runningBot.RestoreAsync(broker);
        host.Broker.LineTo(broker).Restore();
        return ProbeAsync();
    }

    /// <summary>Every control decision recorded so far, in order.</summary>
    public IReadOnlyList<RiskControlEvent> Decisions() =>
        [.. host.Database.ReadStream(RiskControlDecider.Kind.AggregateType, RiskControl.Id).Select(row => EventPayload.Read(RiskControlDecider.Kind, row.Payload))];

    /// <summary>A control decision in the features' words: its event name and what it says.</summary>
    public static string Describe(RiskControlEvent decision) => decision switch
    {
        RiskControlEvent.OrderSliced sliced => $"OrderSliced {Plain(sliced.Placed.Value)} of {Plain(sliced.Wanted.Value)} {sliced.Symbol}",
        RiskControlEvent.KillSwitchEngaged engaged => $"KillSwitchEngaged \"{engaged.Reason}\" by {engaged.By}",
        RiskControlEvent.KillSwitchReset reset => $"KillSwitchReset by {reset.By}",
        RiskControlEvent.FallbackStarted started => $"FallbackStarted to {BrokerRoute.Name(started.To)} \"{started.Reason}\"",
        RiskControlEvent.FallbackEnded ended => $"FallbackEnded back to {BrokerRoute.Name(ended.To)}",
        RiskControlEvent.AlertRaised alert => $"AlertRaised {alert.Alert} \"{alert.Detail}\"",
        _ => decision.ToString(),
    };

    // 5.000000000 reads 5: trailing zeros say nothing about a quantity.
    private static string Plain(decimal quantity) => (quantity / 1.000000000000000000000000000000000m).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The open order of <paramref name="symbol"/> and the broker that holds it.</summary>
    public OffchainOrder? OpenOrderAt(Symbol symbol, SupportedExecutor broker) =>
        host.Orders.ForSymbol(symbol).Select(tracked => tracked.Order).SingleOrDefault(order => !order.IsTerminal && order.Terms.Executor == broker);

    /// <summary>The broker fills its latest open order (at the scenario's price unless one is given); the next poll reads it.</summary>
    public async Task FillAtAsync(SupportedExecutor broker, Usd? price = null)
    {
        var order = host.Orders.All().Select(tracked => tracked.Order).LastOrDefault(open => !open.IsTerminal && open.Terms.Executor == broker)
            ?? throw new InvalidOperationException($"No broker order is open at {BrokerRoute.Name(broker)}: nothing for it to fill.");
        var brokerOrderId = order switch
        {
            OffchainOrder.Submitted submitted => submitted.BrokerOrderId,
            OffchainOrder.PartiallyFilled partial => partial.BrokerOrderId,
            _ => throw new InvalidOperationException($"The order to {BrokerDriver.Describe(order)} is {order.Status}: {BrokerRoute.Name(broker)} never accepted it."),
        };
        OrderBookOf(broker).Fill(brokerOrderId.Value, price ?? ScenarioDefaults.ScenarioPriceOf(order.Terms.Symbol));
        host.Clock.Advance(OrderStatusPoller.Interval);
        await waits.RunAsync(() => host.Bot.Composition.PollAllAsync(CancellationToken.None));
    }

    /// <summary>What the broker's simulator received, in the order it arrived.</summary>
    public IReadOnlyList<BrokerOrder> ReceivedBy(SupportedExecutor broker) => OrderBookOf(broker).Received();

    /// <summary>The clock moves to one minute past the next midnight UTC.</summary>
    public void PassMidnight()
    {
        var now = host.Clock.GetUtcNow();
        host.Clock.Advance(new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1).AddMinutes(1) - now);
    }

    private ISimulatedOrderBook OrderBookOf(SupportedExecutor broker) =>
        broker == SupportedExecutor.Schwab ? host.Broker.SchwabSimulator.OrderBook : host.Broker.AlpacaSimulator.OrderBook;

    private async Task ProbeAsync() => await waits.RunAsync(() => Controls.CheckBrokersAsync(CancellationToken.None));
}
