using Reqnroll;
using Shouldly;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OnChainTrades;
using TradingBot.Acceptance.Support.Drivers;
using TradingBot.Acceptance.Support.Parameters;

namespace TradingBot.Acceptance.StepDefinitions;

[Binding]
public sealed class OnChainSteps(OnChainDriver onChain)
{
    [Given("the last {symbol} price is {usd}")]
    public void GivenTheLastPriceIs(Symbol symbol, Usd price) => onChain.SetLastPrice(symbol, price);

    [Given("the bot has sold {shares} {token} on-chain")]
    [When("the bot sells {shares} {token} on-chain")]
    public Task WhenTheBotSells(FractionalShares quantity, TokenizedEquity token) => onChain.TradeAsync(Direction.Sell, quantity, token);

    [Given("the bot has bought {shares} {token} on-chain")]
    [When("the bot buys {shares} {token} on-chain")]
    public Task WhenTheBotBuys(FractionalShares quantity, TokenizedEquity token) => onChain.TradeAsync(Direction.Buy, quantity, token);

    [When("the bot trades on-chain:")]
    public Task WhenTheBotTradesOnChain(DataTable fills) =>
        onChain.TradeAllAsync(fills.Rows.Select(row => (row["side"], row["quantity"], row["token"])));

    [When("the on-chain event {tx} #{int} selling {shares} {token} arrives")]
    public Task WhenTheOnChainEventArrives(TransactionHash tx, int logIndex, FractionalShares quantity, TokenizedEquity token) =>
        onChain.DeliverAsync(tx, logIndex, quantity, token);

    [Given("the on-chain event {tx} #{int} selling {shares} {token} was queued but not processed")]
    public void GivenTheOnChainEventWasQueued(TransactionHash tx, int logIndex, FractionalShares quantity, TokenizedEquity token) =>
        onChain.QueueSell(tx, logIndex, quantity, token);

    [When("these on-chain events are queued:")]
    public void WhenTheseOnChainEventsAreQueued(DataTable events) =>
        onChain.QueueAll(events.Rows.Select(row => (row["tx"], row["block"], row["log"], row["side"], row["quantity"], row["token"])));

    [Given("{int} round(s) of these fills are waiting in the event queue:")]
    public void GivenRoundsOfFillsAreWaiting(int rounds, Table fills) => onChain.QueueRounds(EndToEndSteps.Round(fills), rounds);

    [Given("the chain reports the event {tx} #{int} {side}ing {shares} {token}")]
    [When("the chain reports the event {tx} #{int} {side}ing {shares} {token}")]
    public void WhenTheChainReportsTheEvent(TransactionHash tx, int logIndex, Direction side, FractionalShares quantity, TokenizedEquity token) =>
        onChain.Report(tx, logIndex, side, quantity, token);

    [Given("the chain reports the event {tx} #{int}, which cannot be read")]
    [When("the chain reports the event {tx} #{int}, which cannot be read")]
    public void WhenTheChainReportsAnUnreadableEvent(TransactionHash tx, int logIndex) => onChain.ReportUnreadable(tx, logIndex);

    [Then("the on-chain event {tx} #{int} is a dead letter with the reason {string}")]
    public void ThenTheEventIsADeadLetter(TransactionHash tx, int logIndex, string reason)
    {
        var row = onChain.QueueRow(tx, logIndex);
        row.Processed.ShouldBeTrue($"{tx.Shorthand} #{logIndex} taken off the queue, never to be retried");
        row.Error.ShouldNotBeNull($"why {tx.Shorthand} #{logIndex} was set aside").ShouldContain(reason, Case.Sensitive, $"why {tx.Shorthand} #{logIndex} was set aside");
    }

    [When("the bot processes the event queue")]
    public Task WhenTheBotProcessesTheEventQueue() => onChain.ProcessQueueAsync();

    [Then("the on-chain event {tx} #{int} is set aside as {string}")]
    public void ThenTheOnChainEventIsSetAside(TransactionHash tx, int logIndex, string reason) => onChain.SetAsideReason(tx, logIndex).ShouldContain(reason);

    [Then("the bot recorded and hedged nothing of {word}")]
    public void ThenTheBotRecordedAndHedgedNothingOf(string token) => onChain.TracesOf(token).ShouldBeEmpty($"what the bot kept or sent of {token}");

    [Then("the on-chain trades were applied in this order:")]
    public void ThenTheOnChainTradesWereAppliedInThisOrder(DataTable trades) =>
        onChain.AppliedTrades().ShouldBe(
            trades.Rows.Select(row => new TradeId(new TransactionHash(row["tx"]).Value, long.Parse(row["log"], System.Globalization.CultureInfo.InvariantCulture))).ToList(),
            "the on-chain trades in the order they were applied");
}
