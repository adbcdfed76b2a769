using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Support.EventStores;

namespace TradingBot.Acceptance.UnitTests.EventSourcing;

/// <summary>
/// A placement's marker on its lease, ended in a unit, is cleared when the unit commits, as another instance sees it;
/// an undone item's end leaves it, a release takes the marker with the row, a lease taken anew keeps its own marker.
/// </summary>
[TestFixture(EventStoreKind.Sqlite)]
[TestFixture(EventStoreKind.Postgres)]
[Category("store-contract")]
public sealed class PlacementMarkerTests(EventStoreKind kind) : DurableStoreFixture(kind)
{
    private static readonly DateTimeOffset Deadline = Start.AddSeconds(30);

    [Test]
    public void An_ended_placement_is_unmarked_for_another_instance_once_the_unit_commits()
    {
        var clock = new FakeTimeProvider(Start);
        using var bot = Store.Open(clock);
        using var other = Store.Open(clock);
        Placing(bot);

        Committed(bot, unit =>
        {
            unit.SymbolLocks.EndPlacement(Aapl);
            Placement(other).ShouldBe(("instance-a", Deadline), "before the commit");
        });

        Placement(other).ShouldBeNull("after the commit");
        LockedAt(other).ShouldBe(Start, "the lease stays");
    }

    [Test]
    public void The_end_of_a_placement_by_an_item_that_is_undone_leaves_the_marker()
    {
        var clock = new FakeTimeProvider(Start);
        using var bot = Store.Open(clock);
        Placing(bot);

        Committed(bot, unit =>
        {
            using (unit.Savepoint())
                unit.SymbolLocks.EndPlacement(Aapl); // not completed: undone
        });

        using var other = Store.Open(clock);
        Placement(other).ShouldBe(("instance-a", Deadline));
    }

    [Test]
    public void A_lease_released_after_its_placement_ended_is_gone()
    {
        var clock = new FakeTimeProvider(Start);
        using var bot = Store.Open(clock);
        Placing(bot);

        Committed(bot, unit =>
        {
            unit.SymbolLocks.EndPlacement(Aapl);
            unit.SymbolLocks.Release(Aapl);
        });

        using var other = Store.Open(clock);
        LockedAt(other).ShouldBeNull();
    }

    [Test]
    public void A_lease_taken_over_after_its_placement_ended_keeps_its_new_marker()
    {
        var clock = new FakeTimeProvider(Start);
        using var bot = Store.Open(clock);
        Placing(bot);
        var later = Start + SymbolLocks.Expiry + TimeSpan.FromSeconds(1);

        Committed(bot, unit =>
        {
            unit.SymbolLocks.EndPlacement(Aapl);
            unit.SymbolLocks.TryAcquire(Aapl, later, ("instance-b", later.AddSeconds(30))).ShouldBeTrue("an expired lease is taken over");
        });

        using var other = Store.Open(clock);
        Placement(other).ShouldBe(("instance-b", later.AddSeconds(30)));
    }

    private static void Placing(EventStoreDatabase bot) =>
        Committed(bot, unit => unit.SymbolLocks.TryAcquire(Aapl, Start, ("instance-a", Deadline)).ShouldBeTrue());

    // One unit of the bot's: what write does, then the commit.
    private static void Committed(EventStoreDatabase bot, Action<UnitOfWork> write)
    {
        using var unit = bot.BeginWrite();
        write(unit);
        unit.Commit();
    }

    private static (string Instance, DateTimeOffset Until)? Placement(EventStoreDatabase database)
    {
        using var unit = database.BeginRead();
        return unit.SymbolLocks.Placement(Aapl);
    }

    private static DateTimeOffset? LockedAt(EventStoreDatabase database)
    {
        using var unit = database.BeginRead();
        return unit.SymbolLocks.LockedAt(Aapl);
    }
}
