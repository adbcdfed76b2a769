using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Support.Fakes;
using TradingBot.Acceptance.UnitTests.Execution.Alpaca;
using TradingBot.Acceptance.Domain.Hosting;

namespace TradingBot.Acceptance.UnitTests.Hedging;

[TestFixture]
public sealed class AuthenticationRecoveryTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Test]
    public async Task After_refused_credentials_the_checker_places_nothing_until_the_account_probe_succeeds()
    {
        using var alpaca = new AlpacaTestBed();
        alpaca.Broker.OpenMarketOn(AlpacaTestBed.TradingDay);
        alpaca.Broker.AnswerEveryOrderWith(AlpacaAnswer.Unauthorized());
        using var database = SqliteDatabase.InMemory(alpaca.Clock);
        var conductor = BotComposition.For(database, alpaca.Executor, alpaca.Clock).Conductor;

        var execution = await conductor.ProcessTradeWithinTransactionAsync(
            HedgingTestBed.Fill(HedgingTestBed.Hash(1), "tAAPL", 1.2m, Direction.Sell), None);
        var outcome = await conductor.ExecutePendingOffchainExecutionAsync(execution.ShouldNotBeNull().ExecutionId, None);
        outcome.ShouldBeOfType<ExecutionOutcome.Failed>().Reason.ShouldContain("authentication failed");
        alpaca.Executor.AuthenticationFailed.ShouldBeTrue("after the 401");

        alpaca.Broker.AcceptOrders(AlpacaTestBed.OrderId);
        alpaca.Broker.AnswerAccount("ACCOUNT_CLOSED");
        (await conductor.CheckAndExecuteAccumulatedPositionsAsync(None)).ShouldBeEmpty("hedges while the account is not active");
        alpaca.Broker.OrderRequests().ShouldBe(1, "orders sent while the credentials are refused");

        alpaca.Broker.AnswerAccount("ACTIVE");
        (await conductor.CheckAndExecuteAccumulatedPositionsAsync(None)).ShouldHaveSingleItem()
            .ShouldBe(new ExecutionOutcome.Submitted(new ExecutionId(2), new BrokerOrderId(AlpacaTestBed.OrderId)));
        alpaca.Broker.OrderRequests().ShouldBe(2, "orders sent once the account probe succeeded");
    }
}
