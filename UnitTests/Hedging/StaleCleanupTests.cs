using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.Hosting;
using TradingBot.Acceptance.Domain.OffchainOrders;
using TradingBot.Acceptance.Support.EventStores;
using TradingBot.Acceptance.Support.Fakes;

namespace TradingBot.Acceptance.UnitTests.Hedging;

/// <summary>
/// The checker's stale cleanup takes the store's writer only for executions that may be stale (§6.5, §13), on
/// each store: the filter is a read of its tables.
/// </summary>
[TestFixture(EventStoreKind.Sqlite)]
[TestFixture(EventStoreKind.Postgres)]
[Category("store-contract")]
public sealed class StaleCleanupTests(EventStoreKind kind)
{
    private static readonly string[] Fresh = ["tMSFT", "tNVDA", "tGOOG", "tAMZN", "tTSLA", "tMETA"];
    private static readonly CancellationToken None = CancellationToken.None;

    private ScenarioStore store = null!;
    private FakeTimeProvider clock = null!;
    private EventStoreDatabase database = null!;
    private Conductor conductor = null!;
    private int nextTransaction;

    [SetUp]
    public void StartBot()
    {
        store = new ScenarioStore(kind);
        clock = new FakeTimeProvider(HedgingTestBed.Start);
        database = store.Open(clock);
        var broker = new MockExecutor(clock);
        broker.WithNoAnswer();
        conductor = BotComposition.For(database, broker.Executor, clock).Conductor;
    }

    [TearDown]
    public void StopBot()
    {
        database.Dispose();
        store.Dispose();
    }

    [Test]
    public async Task A_tick_with_fresh_pending_executions_and_one_stale_writes_for_the_stale_one_only()
    {
        var stale = await PlaceUnansweredAsync("tAAPL");
        clock.Advance(TimeSpan.FromMinutes(11));
        foreach (var token in Fresh)
            await PlaceUnansweredAsync(token);
        var events = database.ReadEventLog().Count;
        var writes = database.WritesBegun;

        (await conductor.CleanupStaleExecutionsAsync(None)).ShouldBe([stale], "failed as stale");

        (database.WritesBegun - writes).ShouldBe(1, "write transactions of the tick");
        database.ReadEventLog().Skip(events).Select(recorded => recorded.EventType)
            .ShouldBe(["OffchainOrderEvent::Failed", "PositionEvent::OffChainOrderFailed"]);
        new OffchainOrderView(database).All("Pending").Count.ShouldBe(Fresh.Length, "fresh orders still pending");
    }

    [Test]
    public async Task Fresh_pending_executions_turn_stale_when_their_lease_stops_moving()
    {
        foreach (var token in Fresh)
            await PlaceUnansweredAsync(token);
        var writes = database.WritesBegun;

        clock.Advance(TimeSpan.FromMinutes(10));
        (await conductor.CleanupStaleExecutionsAsync(None)).ShouldBeEmpty("stale after exactly 10 minutes");
        (database.WritesBegun - writes).ShouldBe(0, "write transactions while every lease is fresh");

        clock.Advance(TimeSpan.FromMinutes(1));
        (await conductor.CleanupStaleExecutionsAsync(None)).Count.ShouldBe(Fresh.Length, "stale after 11 minutes");
        (database.WritesBegun - writes).ShouldBe(Fresh.Length, "one write per stale execution");
    }

    [Test]
    public async Task An_acknowledged_order_gone_silent_is_found_in_doubt_on_every_tick()
    {
        var answering = new MockExecutor(clock);
        answering.WithCancelsUnanswered();
        var bot = BotComposition.For(database, answering.Executor, clock).Conductor;
        var fill = HedgingTestBed.Fill(HedgingTestBed.Hash(++nextTransaction), "tAAPL", 1.2m, Direction.Sell);
        var execution = (await bot.ProcessTradeWithinTransactionAsync(fill, None)).ShouldNotBeNull("a hedge of tAAPL");
        await bot.ExecutePendingOffchainExecutionAsync(execution.ExecutionId, None);
        await PlaceUnansweredAsync("tMSFT");
        new OffchainOrderView(database).InDoubt().ShouldBeEmpty("acknowledged, no cancel asked yet");

        clock.Advance(TimeSpan.FromMinutes(11));
        await bot.CleanupStaleExecutionsAsync(None);
        new OffchainOrderView(database).InDoubt().Select(tracked => tracked.ExecutionId).ShouldBe([execution.ExecutionId], "in doubt");
        clock.Advance(TimeSpan.FromMinutes(1));
        await bot.CleanupStaleExecutionsAsync(None);

        answering.CancelRequests().Count.ShouldBe(2, "cancels sent while unanswered, one per tick");
    }

    // A fill that triggers a hedge the broker never answers: a pending execution under a fresh lease.
    private async Task<ExecutionId> PlaceUnansweredAsync(string token)
    {
        var fill = HedgingTestBed.Fill(HedgingTestBed.Hash(++nextTransaction), token, 1.2m, Direction.Sell);
        var execution = (await conductor.ProcessTradeWithinTransactionAsync(fill, None)).ShouldNotBeNull($"a hedge of {token}");
        await conductor.ExecutePendingOffchainExecutionAsync(execution.ExecutionId, None);
        return execution.ExecutionId;
    }
}
