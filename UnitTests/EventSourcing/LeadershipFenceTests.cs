using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.EventSourcing.Postgres;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OnChainTrades;
using TradingBot.Acceptance.Support.EventStores;

namespace TradingBot.Acceptance.UnitTests.EventSourcing;

/// <summary>
/// Fencing on PostgreSQL: two database objects on one store stand for an active and a standby instance, each with
/// its fence. The database commits a write only for the lease's holder in its term, unexpired on the server's clock.
/// </summary>
[TestFixture]
[Category("ha")]
public sealed class LeadershipFenceTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 6, 15, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(3);
    private static readonly OnChainTradeAggregate Trades = new();
    private readonly FakeTimeProvider clock = new(Start);
    private ScenarioStore store = null!;

    [SetUp]
    public void OpenStore() => store = new ScenarioStore(EventStoreKind.Postgres);

    [TearDown]
    public void DropStore() => store.Dispose();

    [Test]
    public async Task The_holders_write_commits_and_the_standbys_is_refused_and_rolled_back()
    {
        using var active = Open("instance-a");
        using var standby = Open("instance-b");
        await AcquireAsync(active);

        Record(active, "0xa1:1");
        Should.Throw<LeadershipLostException>(() => Record(standby, "0xa1:2"))
            .Message.ShouldBe("The database refused a write of instance-b: the leadership lease is held by instance-a in term 1, not by instance-b in term 0.");

        active.ReadEventLog().Select(recorded => recorded.AggregateId).ShouldBe(["0xa1:1"], "the refused write left nothing");
    }

    [Test]
    public async Task A_write_after_the_lease_expired_on_the_servers_clock_is_refused_though_the_instance_thinks_it_holds_it()
    {
        using var active = Open("instance-a");
        await AcquireAsync(active);
        TestEventStores.Execute(store.PostgresConnection, "UPDATE leadership_lease SET expires_at = clock_timestamp() - interval '1 second'");

        active.Fence!.IsHeld.ShouldBeTrue("by its own clock the lease still runs");
        Should.Throw<LeadershipLostException>(() => Record(active, "0xa1:1")).Message.ShouldContain("the leadership lease of instance-a in term 1 expired at");
        active.ReadEventLog().ShouldBeEmpty();
    }

    [Test]
    public async Task A_transaction_under_way_when_the_standby_takes_over_is_refused_at_its_commit()
    {
        using var active = Open("instance-a");
        using var standby = Open("instance-b");
        await AcquireAsync(active);
        using (var paused = active.BeginWrite())
        {
            paused.Execute(Trades, "0xa1:1", trade => OnChainTradeDecider.Decide(trade, Witness(), Start));
            TestEventStores.Execute(store.PostgresConnection, "UPDATE leadership_lease SET expires_at = clock_timestamp()");
            (await AcquireAsync(standby)).ShouldBe(2, "the takeover is a new term");

            Should.Throw<LeadershipLostException>(paused.Commit).Message.ShouldContain("held by instance-b in term 2, not by instance-a in term 1");
        }

        Record(standby, "0xa1:2");
        standby.ReadEventLog().Select(recorded => recorded.AggregateId).ShouldBe(["0xa1:2"], "only the new leader's write");
    }

    [Test]
    public async Task The_lease_is_renewed_by_its_holder_in_its_term_only_and_given_back_at_once()
    {
        using var active = Open("instance-a");
        var leases = active.LeaseStore();
        await AcquireAsync(active);

        (await leases.RenewAsync("instance-a", 1, Lease, CancellationToken.None)).ShouldBeTrue();
        (await leases.RenewAsync("instance-b", 1, Lease, CancellationToken.None)).ShouldBeFalse("not the holder");
        (await leases.RenewAsync("instance-a", 2, Lease, CancellationToken.None)).ShouldBeFalse("not its term");
        var held = await leases.TryAcquireAsync("instance-b", Lease, CancellationToken.None);
        (held.Acquired, held.Holder, held.Term).ShouldBe((false, "instance-a", 1L));
        held.Remaining.ShouldBeInRange(TimeSpan.FromSeconds(2), Lease);

        await leases.ReleaseAsync("instance-a", 1, CancellationToken.None);
        (await leases.TryAcquireAsync("instance-b", Lease, CancellationToken.None)).ShouldBe(LeaseClaim.Taken(2), "given back: no wait for the expiry");
    }

    private PostgresDatabase Open(string instance) => PostgresDatabase.Open(store.PostgresConnection, clock, new LeadershipFence(instance, Lease, clock));

    private async Task<long> AcquireAsync(PostgresDatabase database)
    {
        var askedAt = clock.GetTimestamp();
        var claim = await database.LeaseStore().TryAcquireAsync(database.Fence!.Holder, Lease, CancellationToken.None);
        claim.Acquired.ShouldBeTrue($"{database.Fence.Holder} takes the lease");
        database.Fence.Hold(claim.Term, askedAt);
        return claim.Term;
    }

    private static void Record(EventStoreDatabase database, string id)
    {
        using var unit = database.BeginWrite();
        unit.Execute(Trades, id, trade => OnChainTradeDecider.Decide(trade, Witness(), Start));
        unit.Commit();
    }

    private static OnChainTradeCommand.Witness Witness() =>
        new(new Symbol("AAPL"), new FractionalShares(1m), Direction.Sell, new Usd(100.00m), 12, Start.AddMinutes(-1));
}
