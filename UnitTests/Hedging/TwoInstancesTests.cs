using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.OffchainOrders;
using TradingBot.Acceptance.Support.Fakes;

namespace TradingBot.Acceptance.UnitTests.Hedging;

/// <summary>
/// Two bot instances on one database file and one broker, as two processes would be: the placement under way
/// is in the database, so the other instance's poller never reconciles an order still on its way to the broker.
/// </summary>
[TestFixture]
public sealed class TwoInstancesTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly Symbol Aapl = new("AAPL");
    private FakeTimeProvider clock = null!;
    private string folder = "";
    private MockExecutor broker = null!;
    private HedgingTestBed placer = null!;
    private HedgingTestBed other = null!;

    [SetUp]
    public void StartTwoInstances()
    {
        clock = new FakeTimeProvider(HedgingTestBed.Start);
        folder = Path.Combine(Path.GetTempPath(), $"two-instances-{Guid.NewGuid():N}");
        var path = Path.Combine(folder, "bot.db");
        broker = new MockExecutor(clock);
        placer = new HedgingTestBed(database: SqliteDatabase.OpenFile(path, clock), clock: clock, broker: broker);
        other = new HedgingTestBed(database: SqliteDatabase.OpenFile(path, clock), clock: clock, broker: broker);
    }

    [TearDown]
    public void StopBoth()
    {
        placer.Dispose();
        other.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Test]
    public async Task The_other_instance_leaves_an_order_on_its_way_to_the_broker_alone()
    {
        IReadOnlyList<ExecutionOutcome>? pollWhilePlacing = null;
        (string Instance, DateTimeOffset Until)? marker = null;
        broker.DuringPlacement(async () =>
        {
            clock.Advance(TimeSpan.FromSeconds(20)); // a slow broker: the other's poller runs meanwhile
            marker = Placement(other);
            pollWhilePlacing = await other.Poller.PollPendingOrdersAsync(None);
        });

        await placer.TradeAsync("tAAPL", 1.2m, Direction.Sell);

        marker.ShouldBe((placer.Guards.InstanceId, HedgingTestBed.Start + placer.Guards.PlacementDeadline), "the placement under way, as the other instance reads it");
        pollWhilePlacing.ShouldBeEmpty("the other instance's poll while the order was on its way");
        new OffchainOrderView(other.Database).Load(new ExecutionId(1)).ShouldBeOfType<OffchainOrder.Submitted>("the order once the broker accepted it");
        Placement(other).ShouldBeNull("the marker once the broker's answer is recorded");

        (await other.Poller.PollPendingOrdersAsync(None)).ShouldBe([new ExecutionOutcome.Filled(new ExecutionId(1), new Usd(MockExecutor.FillPrice))]);
        broker.ReceivedOrders().Count.ShouldBe(1, "broker orders for one hedge");
        other.Conductor.LoadPosition(Aapl)!.Net.Value.ShouldBe(0m, "the position after the hedge filled");
        (await placer.Conductor.CheckAndExecuteAccumulatedPositionsAsync(None)).ShouldBeEmpty("hedges placed after the fill");
        broker.ReceivedOrders().Count.ShouldBe(1, "broker orders after the next check");
    }

    [Test]
    public async Task Past_its_deadline_a_placement_whose_placer_died_is_reconciled_by_the_other_instance()
    {
        IReadOnlyList<ExecutionOutcome>? pollAfterDeadline = null;
        broker.DuringPlacement(async () =>
        {
            clock.Advance(placer.Guards.PlacementDeadline + TimeSpan.FromSeconds(1));
            pollAfterDeadline = await other.Poller.PollPendingOrdersAsync(None);
        });

        await placer.TradeAsync("tAAPL", 1.2m, Direction.Sell);

        pollAfterDeadline.ShouldNotBeNull().Single().ShouldBeOfType<ExecutionOutcome.Failed>()
            .Reason.ShouldStartWith("order never reached the broker", Case.Sensitive, "the other instance's reconciliation past the deadline");
    }

    [Test]
    public async Task A_placement_with_no_answer_ends_its_marker_so_any_instance_may_reconcile()
    {
        broker.WithNoAnswer();

        await placer.TradeAsync("tAAPL", 1.2m, Direction.Sell);

        Placement(other).ShouldBeNull("the marker after a placement whose outcome is unknown");
        new OffchainOrderView(other.Database).Load(new ExecutionId(1)).ShouldBeOfType<OffchainOrder.Pending>("the order, left to the pollers");
    }

    private static (string Instance, DateTimeOffset Until)? Placement(HedgingTestBed instance)
    {
        using var unit = instance.Database.BeginRead();
        return unit.SymbolLocks.Placement(Aapl);
    }
}
