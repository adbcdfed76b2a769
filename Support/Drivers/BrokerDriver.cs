using System.Globalization;
using System.Net;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OffchainOrders;
using TradingBot.Acceptance.Domain.OrderStatus;
using TradingBot.Acceptance.Support.Contexts;
using TradingBot.Acceptance.Support.Fakes;
using TradingBot.Acceptance.Support.Hosting;
using TradingBot.Acceptance.Support.Parameters;
using TradingBot.Acceptance.Support.TestData;
using TradingBot.Acceptance.Support.World;

namespace TradingBot.Acceptance.Support.Drivers;

/// <summary>
/// The broker side: which broker the bot hedges with, how it answers, what it reports on orders, and the
/// orders the bot has at the broker. The same verbs work whichever way the world is driven: a report is read
/// by the next poll, which the driver runs itself, or which the hosted bot runs once the driver lets time pass.
/// </summary>
public sealed class BrokerDriver(
    ScenarioWorld host, BrokerWaitContext waits, OnChainDriver onChain, ScenarioRebalancing rebalancing, RunningBotDriver runningBot)
{
    /// <summary>What the dry-run broker says when a test makes it reject an order without naming why.</summary>
    public const string DefaultRejection = "rejected by the broker";

    public const string BrokerReportedFailure = "Broker rejected order";

    /// <summary>How many rounds of polls and position checks "the broker fills every hedge" allows before it gives up.</summary>
    private const int SettlingRounds = 20;

    private ScenarioBroker Broker => host.Broker;

    public void HedgeWith(SupportedExecutor kind) => host.UseBroker(kind);

    public void RejectNextOrder(string reason) => Broker.Mock.WithPlacementFailures(1, reason);

    public void RejectNextOrder(Symbol symbol) => Broker.Mock.WithPlacementFailures(1, DefaultRejection, symbol);

    /// <summary>Every order is rejected with <paramref name="reason"/> until the broker recovers (an outage).</summary>
    public void RejectEveryOrder(string reason) => Broker.Mock.WithFailure(reason);

    /// <summary>The broker is back: orders are accepted again, whatever rejections were still to come.</summary>
    public void Recover() => Broker.Mock.Recover();

    public void NeverAnswer() => Broker.Mock.WithNoAnswer();

    /// <summary>Makes sure such an order is open: when none is, the bot makes the opposite on-chain fill that calls for it.</summary>
    public async Task EnsureOpenOrderAsync(BrokerOrder expected)
    {
        if (OpenOrder(expected.Symbol) is null)
            await onChain.TradeAsync(expected.Side.Opposite(), expected.Shares, new TokenizedEquity(expected.Symbol));
        var open = OpenOrder(expected.Symbol);
        if (open is null || Describe(open) != expected)
            throw new InvalidOperationException($"Expected an open broker order to {expected}, but the bot has {(open is null ? "none" : $"one to {Describe(open)} ({open.Status})")}.");
    }

    public async Task EnsureAcceptedOrderAsync(BrokerOrder expected)
    {
        await EnsureOpenOrderAsync(expected);
        if (OpenOrder(expected.Symbol) is not OffchainOrder.Submitted)
            throw new InvalidOperationException($"The broker did not accept the order to {expected}.");
    }

    public Task ReportFilledAsync(Usd price) =>
        ReportAsync(LastOpenOrder(), order => Broker.OverHttp
            ? new Action(() => Broker.OrderBook.Fill(BrokerOrderIdOf(order).Value, price))
            : () => Broker.Mock.WithOrderStatus(BrokerOrderIdOf(order), new BrokerOrderState.Filled(BrokerOrderIdOf(order), price, host.Clock.GetUtcNow())));

    /// <summary>The broker fills the open order (of <paramref name="symbol"/>, when given) at its price.</summary>
    public Task FillOpenOrderAsync(Symbol? symbol = null) =>
        ReportAsync(symbol is { } only ? OpenOrder(only) ?? throw NoOpenOrder(only) : LastOpenOrder(), FillAtTheBrokersPrice);

    /// <summary>
    /// The broker fills every hedge, those placed meanwhile included, until no order is open and no position
    /// is left over its threshold: each poll reads the fills, each position check hedges what accumulated.
    /// </summary>
    public async Task FillEveryHedgeAsync()
    {
        if (runningBot.IsRunning)
        {
            await runningBot.SettleAsync();
            return;
        }

        for (var round = 0; round < SettlingRounds; round++)
        {
            var open = host.Orders.All().Where(tracked => tracked.Order.IsTerminal is false).Select(tracked => tracked.Order).ToList();
            foreach (var order in open)
                FillAtTheBrokersPrice(order)();
            if (open.Count > 0)
                await PollAsync();
            var hedged = await waits.RunAsync(() => rebalancing.FollowAsync(() => host.Bot.Conductor.CheckAndExecuteAccumulatedPositionsAsync(CancellationToken.None)));
            if (open.Count == 0 && hedged.Count == 0)
                return;
        }

        throw new InvalidOperationException($"The broker filled hedges for {SettlingRounds} rounds and new ones kept coming.");
    }

    public Task ReportFailedAsync() =>
        ReportAsync(LastOpenOrder(), order =>
            () => Broker.Mock.WithOrderStatus(BrokerOrderIdOf(order), new BrokerOrderState.Failed(host.Clock.GetUtcNow(), BrokerReportedFailure)));

    public Task ReportPartialFillAsync(FractionalShares filledSoFar) =>
        ReportAsync(LastOpenOrder(), order => Broker.OverHttp
            ? () => Broker.OrderBook.FillPartially(BrokerOrderIdOf(order).Value, filledSoFar)
            : () => Broker.Mock.WithOrderStatus(BrokerOrderIdOf(order), new BrokerOrderState.Submitted(BrokerOrderIdOf(order), filledSoFar)));

    /// <summary>Over HTTP: only the next order is answered with 429 and Retry-After; the bot waits that long on the clock and resends.</summary>
    public void AnswerNextOrderWithTooManyRequests(int retryAfterSeconds)
    {
        Broker.Http.AnswerNextOrderWith429(retryAfterSeconds);
        waits.Expect(() => host.Clock.AdvancePastTimerAsync(TimeSpan.FromSeconds(retryAfterSeconds)));
    }

    /// <summary>Over HTTP: every order gets the failure, and the broker knows no order by its client order id (DOMAIN §10).</summary>
    public void AnswerEveryOrderWith(string failure)
    {
        var answer = failure switch
        {
            "malformed JSON" => AlpacaAnswer.MalformedJson(),
            "timeout" => AlpacaAnswer.NoAnswer(),
            // "<status> <reason>", as an HTTP status line reads: "401 Unauthorized", "500 Internal Error".
            _ when failure.Split(' ', 2) is [var status, [_, ..] reason] && int.TryParse(status, CultureInfo.InvariantCulture, out var code) && code >= (int)HttpStatusCode.BadRequest =>
                AlpacaAnswer.Error(code, reason.ToLowerInvariant()),
            _ => throw new ArgumentException($"'{failure}' is not a broker failure: use an HTTP error status with its reason ('503 Service Unavailable'), malformed JSON or timeout.", nameof(failure)),
        };
        Broker.Http.AnswerEveryOrderWith(answer);
        Broker.Http.ForgetClientOrders();
        if (answer.NeverAnswers)
            waits.Expect(async () =>
            {
                await Broker.Http.RequestHeldAsync();
                await host.Clock.AdvancePastTimerAsync(new Domain.Execution.BrokerHttp.BrokerHttpOptions().RequestTimeout);
            });
    }

    public int OrderRequestsReceived() => Broker.OrderRequests();

    /// <summary>The symbol's order that is placed or working (not filled, not failed), or null.</summary>
    public OffchainOrder? OpenOrder(Symbol symbol) =>
        host.Orders.ForSymbol(symbol).Select(tracked => tracked.Order).SingleOrDefault(order => !order.IsTerminal);

    public IReadOnlyList<BrokerOrder> OpenOrders(Symbol symbol) =>
        host.Orders.ForSymbol(symbol).Where(tracked => !tracked.Order.IsTerminal).Select(tracked => Describe(tracked.Order)).ToList();

    /// <summary>The symbol's latest order, whatever its state.</summary>
    public OffchainOrder LastOrder(Symbol symbol) =>
        LastOf(host.Orders.ForSymbol(symbol))?.Order ?? throw new InvalidOperationException($"The bot has placed no broker order for {symbol}.");

    /// <summary>The latest order of the scenario, whatever its symbol.</summary>
    public OffchainOrder LastOrder() =>
        LastOf(host.Orders.All())?.Order ?? throw new InvalidOperationException("The bot has placed no broker order yet.");

    /// <summary>The event names of the symbol's latest order, in the order they were recorded.</summary>
    public IReadOnlyList<string> LastOrderHistory(Symbol symbol)
    {
        var executionId = LastOf(host.Orders.ForSymbol(symbol))?.ExecutionId
            ?? throw new InvalidOperationException($"The bot has placed no broker order for {symbol}.");
        return host.Database.ReadEventLog()
            .Where(recorded => recorded.AggregateType == "OffchainOrder" && recorded.AggregateId == executionId.ToString())
            .Select(recorded => recorded.EventName)
            .ToList();
    }

    public PlacedOrders OrdersPlacedFor(Symbol symbol) =>
        new(host.Orders.ForSymbol(symbol).Count,
            Broker.OverHttp ? Broker.OrderRequests() : Broker.Mock.ReceivedOrders().Count(order => order.Symbol == symbol));

    public static BrokerOrder Describe(OffchainOrder order) => new(order.Terms.Direction, order.Terms.Shares, order.Terms.Symbol);

    /// <summary>The broker's answer is set, the next poll comes due and runs: the driver's own, or the hosted bot's.</summary>
    private async Task ReportAsync(OffchainOrder order, Func<OffchainOrder, Action> answer)
    {
        answer(order)();
        if (runningBot.IsRunning)
        {
            await runningBot.PassUntilAsync(() => OrderOf(order).Order.Status != order.Status, "the broker's report on the order to " + Describe(order) + " was read");
            return;
        }

        await PollAsync();
    }

    private async Task PollAsync()
    {
        host.Clock.Advance(OrderStatusPoller.Interval);
        await waits.RunAsync(() => rebalancing.FollowAsync(() => host.Bot.Composition.PollAllAsync(CancellationToken.None)));
    }

    /// <summary>The dry-run broker fills at its price, the HTTP brokers (Alpaca, Schwab) at the scenario's.</summary>
    private Action FillAtTheBrokersPrice(OffchainOrder order) => Broker.OverHttp
        ? () => Broker.OrderBook.Fill(BrokerOrderIdOf(order).Value, ScenarioDefaults.ScenarioPriceOf(order.Terms.Symbol))
        : () => Broker.Mock.WithOrderStatus(BrokerOrderIdOf(order), new BrokerOrderState.Filled(BrokerOrderIdOf(order), new Usd(ScenarioDefaults.DryRunFillPrice), host.Clock.GetUtcNow()));

    private TrackedOrder OrderOf(OffchainOrder order) =>
        host.Orders.All().Single(tracked => tracked.Order.Terms.ClientOrderId == order.Terms.ClientOrderId);

    private OffchainOrder LastOpenOrder() =>
        host.Orders.All().Select(tracked => tracked.Order).LastOrDefault(order => !order.IsTerminal)
            ?? throw new InvalidOperationException("No broker order is open: nothing for the broker to report on.");

    private static BrokerOrderId BrokerOrderIdOf(OffchainOrder order) => order switch
    {
        OffchainOrder.Submitted submitted => submitted.BrokerOrderId,
        OffchainOrder.PartiallyFilled partial => partial.BrokerOrderId,
        _ => throw new InvalidOperationException($"The order to {Describe(order)} is {order.Status}: the broker never accepted it."),
    };

    private static TrackedOrder? LastOf(IReadOnlyList<TrackedOrder> orders) => orders.Count == 0 ? null : orders[^1];

    private static InvalidOperationException NoOpenOrder(Symbol symbol) => new($"No broker order is open for {symbol}.");
}
