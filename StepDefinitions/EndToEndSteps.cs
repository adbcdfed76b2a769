using Reqnroll;
using Shouldly;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OffchainOrders;
using TradingBot.Acceptance.Domain.Risk;
using TradingBot.Acceptance.Support.Drivers;
using TradingBot.Acceptance.Support.Parameters;

namespace TradingBot.Acceptance.StepDefinitions;

/// <summary>Steps about the whole bot running as one program: the chain feed, bursts, outages, restarts.</summary>
[Binding]
public sealed class EndToEndSteps(RunningBotDriver bot)
{
    [Given("the bot is running with the dry-run broker")]
    public Task GivenTheBotIsRunning() => bot.StartAsync();

    [Given("the bot is running, hedging with {broker} and falling back to {broker}")]
    public Task GivenTheBotIsRunningWithAFallback(SupportedExecutor main, SupportedExecutor fallback) => bot.StartAsync(main, fallback);

    [When("the chain reports {int} round(s) of these fills:")]
    public Task WhenTheChainReportsRoundsOfFills(int rounds, Table fills) => bot.ReportAsync(Round(fills), rounds);

    [When("the chain reports {int} round(s) of these fills, and the feed drops after {int} fills for {int} seconds:")]
    public Task WhenTheFeedDropsMidBurst(int rounds, int delivered, int seconds, Table fills) =>
        bot.DropFeedMidBurstAsync(Round(fills), rounds, delivered, TimeSpan.FromSeconds(seconds));

    [When("the bot is shut down during {int} round(s) of these fills, while a hedge is at the broker:")]
    public Task WhenTheBotIsShutDownDuringABurst(int rounds, Table fills) =>
        bot.StopWhileAHedgeIsAtTheBrokerAsync(Round(fills), rounds);

    [When("the bot starts again")]
    public Task WhenTheBotStartsAgain() => bot.RestartAsync();

    [Then("every fill is recorded exactly once")]
    public void ThenEveryFillIsRecordedExactlyOnce()
    {
        var trades = bot.EventLog().Where(recorded => recorded.AggregateType == "OnChainTrade" && recorded.EventName == "Filled").ToList();
        trades.Count.ShouldBe(bot.PushedFills, "OnChainTrade Filled events");
        trades.Select(trade => trade.AggregateId).Distinct().Count().ShouldBe(bot.PushedFills, "distinct trades");
        bot.QueueRows().Count(row => row.Processed && row.Error is null).ShouldBe(bot.PushedFills, "processed queue rows");
    }

    [Then("every position is flat")]
    public void ThenEveryPositionIsFlat()
    {
        var positions = bot.Positions();
        positions.ShouldNotBeEmpty("positions");
        foreach (var position in positions)
        {
            position.Net.Value.ShouldBe(0m, $"{position.Symbol} net position");
            position.PendingExecutionId.ShouldBeNull($"{position.Symbol} pending execution");
        }
    }

    [Then("the position(s) of {symbols} were hedged")]
    public void ThenThePositionsWereHedged(SymbolList symbols)
    {
        var hedged = bot.Orders().Where(order => order.Order is OffchainOrder.Filled).Select(order => order.Order.Terms.Symbol.Value).Distinct().Order().ToList();
        hedged.ShouldBe(symbols.Symbols.Select(symbol => symbol.Value).Order().ToList(), "symbols with a filled hedge");
    }

    [Then("the broker received each hedge once")]
    public void ThenTheBrokerReceivedEachHedgeOnce()
    {
        var received = bot.Broker.ReceivedOrders();
        received.Select(order => order.ClientOrderId).Distinct().Count().ShouldBe(received.Count, "orders sent twice");
        received.Count.ShouldBe(bot.Orders().Count, "broker orders per execution");
    }

    [Then("{broker} received each hedge it holds once, and no other")]
    public void ThenTheBrokerReceivedEachHedgeItHoldsOnce(SupportedExecutor kind) =>
        bot.ReceivedBy(kind).ShouldBe(bot.OrdersAt(kind), $"the orders {BrokerRoute.Name(kind)}'s simulator received, against the bot's orders it holds");

    [Then("{broker} received these orders, in any order:")]
    public void ThenTheBrokerReceivedTheseOrders(SupportedExecutor kind, DataTable orders) =>
        bot.ReceivedBy(kind).ShouldBe(BrokerJournalSteps.Orders(orders), ignoreOrder: true, $"orders {BrokerRoute.Name(kind)}'s simulator received: side, shares, symbol");

    [Then("the bot logged a warning that begins {string}")]
    public void ThenTheBotLoggedAWarning(string begins) =>
        bot.Log.Lines.ShouldContain(line => line.StartsWith("Warning: " + begins, StringComparison.Ordinal), $"a warning that begins \"{begins}\" among the lines the bot logged");

    [Then("the broker refused {int} hedges")]
    public void ThenTheBrokerRefusedHedges(int count) =>
        bot.Orders().Count(order => order.Order is OffchainOrder.Failed).ShouldBe(count, "failed hedges");

    [Then("the chain feed refused {int} reconnect(s) during the outage")]
    public void ThenTheChainFeedRefusedReconnects(int count) =>
        bot.RefusalsDuringTheOutage.ShouldBe(count, "reconnects refused during the outage");

    [Then("the bot resumed the chain feed from the last block it had processed")]
    public void ThenTheBotResumedTheChainFeed()
    {
        var starts = bot.Chain!.Node.BackfillStarts;
        starts.GetValueOrDefault(1, -1).ShouldBe(RunningBotDriver.DeploymentBlock, "the first connection's backfill starts at the deployment block");
        var resumed = bot.ConnectionsBeforeTheDrop + 1;
        starts.GetValueOrDefault(resumed, -1).ShouldBe((bot.CheckpointBeforeTheDrop ?? -2) + 1, "the backfill after the outage starts after the checkpoint");
    }

    [Then("the hedge that was at the broker was recorded as accepted before the bot stopped")]
    public void ThenTheHedgeAtTheBrokerWasRecorded() =>
        bot.HedgeAtShutdown.ShouldBeOfType<OffchainOrder.Submitted>("the hedge at the broker when the bot stopped");

    [Then("{int} fill(s) was/were still waiting when the bot stopped")]
    public void ThenFillsWereWaiting(int count) =>
        bot.UnprocessedAtShutdown.ShouldBe(count, "fills not yet processed at shutdown");

    internal static List<ChainFillOrder> Round(Table fills) =>
        fills.Rows.Select(row => new ChainFillOrder(
            FinanceParameters.ToToken(row["token"]),
            FinanceParameters.ToSide(row["side"]),
            FinanceParameters.ToShares(row["quantity"]).Value)).ToList();
}
