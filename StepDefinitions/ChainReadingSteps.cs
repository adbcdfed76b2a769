using Reqnroll;
using Shouldly;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Support.Drivers;
using TradingBot.Acceptance.Support.Parameters;

namespace TradingBot.Acceptance.StepDefinitions;

/// <summary>Steps about what the running bot reads from the chain: takes, clears, pairs it does not hedge, reorgs, silences, restarts.</summary>
[Binding]
public sealed class ChainReadingSteps(RunningBotDriver bot)
{
    [When("a taker takes the bot's {token} order for {shares} shares at {usd}")]
    public Task WhenATakerTakesTheBotsOrder(TokenizedEquity token, FractionalShares shares, Usd price) =>
        bot.TradeAsync(Direction.Sell, shares, token, price);

    [When("the bot's order buying {token} is cleared for {shares} shares at {usd}, the bot as {word}")]
    public Task WhenTheBotsOrderIsCleared(TokenizedEquity token, FractionalShares shares, Usd price, string side) =>
        bot.ClearAsync(token, Direction.Buy, shares, price, botIsAlice: side == "alice");

    [When(@"a taker takes the bot's {word} order for {decimal} {word} paying {decimal} USDC")]
    public Task WhenATakerTakesTheBotsOrderOfAnotherToken(string order, decimal given, string gives, decimal usdc) =>
        bot.TakeUnhedgeableAsync(gives == order ? gives : throw new ArgumentException($"the bot's {order} order gives {order}, not {gives}"), given, usdc);

    [When("a taker takes the bot's {token} order for {shares} shares at {usd}, and a reorg takes it back before it is confirmed")]
    public Task WhenAFillIsReorged(TokenizedEquity token, FractionalShares shares, Usd price) => bot.TakeAndReorgAsync(token, shares, price);

    [When("the feed goes silent for {int} seconds while the chain reports {int} round(s) of these fills:")]
    public Task WhenTheFeedGoesSilent(int seconds, int rounds, Table fills) =>
        bot.ReportWhileSilentAsync(EndToEndSteps.Round(fills), rounds, TimeSpan.FromSeconds(seconds));

    [When("the bot is stopped")]
    public Task WhenTheBotIsStopped() => bot.StopAsync();

    [When("the chain reports {int} round(s) of these fills while the bot is stopped:")]
    public void WhenTheChainReportsFillsWhileStopped(int rounds, Table fills) => bot.ReportWhileStopped(EndToEndSteps.Round(fills), rounds);

    [Then("the bot recorded these fills:")]
    public void ThenTheBotRecordedTheseFills(Table fills) =>
        bot.RecordedFills().ShouldBe(
            [.. fills.Rows.Select(row => new RecordedFill(
                FinanceParameters.ToToken(row["token"]).Symbol.Value, FinanceParameters.ToSide(row["side"]),
                FinanceParameters.ToShares(row["quantity"]).Value, WrittenNumber.Read(row["price"], "a price in USDC")))],
            ignoreOrder: true,
            "the on-chain trades the bot recorded");

    [Then("the bot skipped {int} fill(s) as {string}")]
    public void ThenTheBotSkippedFills(int count, string reason) =>
        bot.SkippedFills().Select(skipped => skipped.Reason).ShouldBe(Enumerable.Repeat(reason, count), "the fills the bot recorded as not to be hedged");

    [Then("the bot found the feed silent {int} time(s) and backfilled what it missed")]
    public void ThenTheBotFoundTheFeedSilent(int times) => bot.Stalls.ShouldBe(times, "silent subscriptions the watchdog found");

    [Then("the bot backfilled from the block after its checkpoint")]
    public void ThenTheBotBackfilledFromItsCheckpoint() =>
        bot.Chain!.Node.BackfillStarts.GetValueOrDefault(bot.ConnectionsAtStop + 1, -1)
            .ShouldBe((bot.CheckpointAtStop ?? -2) + 1, "the first block the restarted bot asked the node for");
}
