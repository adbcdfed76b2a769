using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.Hosting;
using TradingBot.Acceptance.Domain.OffchainOrders;
using TradingBot.Acceptance.Support.Fakes;

namespace TradingBot.Acceptance.UnitTests.Hedging;

/// <summary>
/// The checker's stale cleanup takes the store's writer only for executions that may be stale (§6.5, §13), on
/// each store: the filter is a read of its tables.
/// </summary>
[TestFixture(EventStoreKind.Sqlite)]
[TestFixture(EventStoreKind.Postgres)]
[Category("store-contract")]
public sealed class StaleCleanupTests(EventStoreKind kind) : HedgingStoreFixture(kind)
{
    private static readonly string[] Fresh = ["tMSFT", "tNVDA", "tGOOG", "tAMZN", "tTSLA", "tMETA"];

    private Conductor conductor = null!;

    [SetUp]
    public void StartBot()
    {
        var broker = new MockExecutor(Clock);
        broker.WithNoAnswer();
        conductor = BotComposition.For(Database, broker.Executor, Clock).Conductor;
    }

    [Test]
    public async Task A_tick_with_fresh_pending_executions_and_one_stale_writes_for_the_stale_one_only()
    {
        var stale = await PlaceUnansweredAsync("tAAPL");
        Clock.Advance(TimeSpan.FromMinutes(11));
        foreach (var token in Fresh)
            await PlaceUnansweredAsync(token);
        var events = Database.ReadEventLog().Count;
        var writes = Database.WritesBegun;

        (await conductor.CleanupStaleExecutionsAsync(None)).ShouldBe([stale], "failed as stale");

        (Database.WritesBegun - writes).ShouldBe(1, "write transactions of the tick");
        Database.ReadEventLog().Skip(events).Select(recorded => recorded.EventType)
            .ShouldBe(["OffchainOrderEvent::Failed", "PositionEvent::OffChainOrderFailed"]);
        new OffchainOrderView(Database).All("Pending").Count.ShouldBe(Fresh.Length, "fresh orders still pending");
    }

    [Test]
    public async Task Fresh_pending_executions_turn_stale_when_their_lease_stops_moving()
    {
        foreach (var token in Fresh)
            await PlaceUnansweredAsync(token);
        var writes = Database.WritesBegun;

        Clock.Advance(TimeSpan.FromMinutes(10));
        (await conductor.CleanupStaleExecutionsAsync(None)).ShouldBeEmpty("stale after exactly 10 minutes");
        (Database.WritesBegun - writes).ShouldBe(0, "write transactions while every lease is fresh");

        Clock.Advance(TimeSpan.FromMinutes(1));
        (await conductor.CleanupStaleExecutionsAsync(None)).Count.ShouldBe(Fresh.Length, "stale after 11 minutes");
        (Database.WritesBegun - writes).ShouldBe(Fresh.Length, "one write per stale execution");
    }

    [Test]
    public async Task An_acknowledged_order_gone_silent_is_found_in_doubt_on_every_tick()
    {
        var answering = new MockExecutor(Clock);
        answering.WithCancelsUnanswered();
        var bot = BotComposition.For(Database, answering.Executor, Clock).Conductor;
        var fill = NextFill("tAAPL", 1.2m, Direction.Sell);
        var execution = (await bot.ProcessTradeWithinTransactionAsync(fill, None)).ShouldNotBeNull("a hedge of tAAPL");
        await bot.ExecutePendingOffchainExecutionAsync(execution.ExecutionId, None);
        await PlaceUnansweredAsync("tMSFT");
        new OffchainOrderView(Database).InDoubt().ShouldBeEmpty("acknowledged, no cancel asked yet");

        Clock.Advance(TimeSpan.FromMinutes(11));
        await bot.CleanupStaleExecutionsAsync(None);
        new OffchainOrderView(Database).InDoubt().Select(tracked => tracked.ExecutionId).ShouldBe([execution.ExecutionId], "in doubt");
        Clock.Advance(TimeSpan.FromMinutes(1));
        await bot.CleanupStaleExecutionsAsync(None);

        answering.CancelRequests().Count.ShouldBe(2, "cancels sent while unanswered, one per tick");
    }

    // A fill that triggers a hedge the broker never answers: a pending execution under a fresh lease.
    private async Task<ExecutionId> PlaceUnansweredAsync(string token)
    {
        var fill = NextFill(token, 1.2m, Direction.Sell);
        var execution = (await conductor.ProcessTradeWithinTransactionAsync(fill, None)).ShouldNotBeNull($"a hedge of {token}");
        await conductor.ExecutePendingOffchainExecutionAsync(execution.ExecutionId, None);
        return execution.ExecutionId;
    }
}
