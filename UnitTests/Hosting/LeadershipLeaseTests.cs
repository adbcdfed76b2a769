using Microsoft.Extensions.Logging.Abstractions;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Hosting;

namespace TradingBot.Acceptance.UnitTests.Hosting;

/// <summary>
/// One instance's leadership lease on a fake clock and a store in memory: a lease of 3 s, renewed every second;
/// the standby asks again when the holder's runs out (and at least every second).
/// </summary>
[TestFixture]
[Category("ha")]
public sealed class LeadershipLeaseTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private CountingClock clock = null!;
    private CancellationTokenSource stopping = null!;
    private FakeLeadershipStore store = null!;
    private LeadershipFence fence = null!;
    private LeadershipLease lease = null!;
    private Task running = Task.CompletedTask;

    [SetUp]
    public void Create()
    {
        clock = new CountingClock(new DateTimeOffset(2025, 1, 6, 15, 0, 0, TimeSpan.Zero));
        stopping = new CancellationTokenSource();
        store = new FakeLeadershipStore(clock);
        fence = new LeadershipFence("instance-a", Lease, clock);
        lease = new LeadershipLease(store, fence, clock, NullLogger<LeadershipLease>.Instance);
    }

    [TearDown]
    public async Task Stop()
    {
        await stopping.CancelAsync();
        await running;
        lease.Dispose();
        stopping.Dispose();
    }

    [Test]
    public async Task A_standby_takes_the_lease_in_a_new_term_once_the_holders_has_run_out()
    {
        store.TakenBy("instance-b", TimeSpan.FromSeconds(2));
        var term = lease.WaitForTermAsync(CancellationToken.None);
        await StartAsync();
        (store.Attempts, lease.Role, term.IsCompleted).ShouldBe((1, "standby", false));

        clock.Advance(Second);
        await clock.WaitForTimersAsync(2);
        (store.Attempts, lease.Role).ShouldBe((2, "standby"), "1 s before the holder's lease runs out");

        clock.Advance(Second);
        await clock.WaitForTimersAsync(3);
        (store.Attempts, store.Holder, fence.Term, lease.Role).ShouldBe((3, "instance-a", 2L, "active"));
        (await term).IsCancellationRequested.ShouldBeFalse("the term runs");
    }

    [Test]
    public async Task The_leader_renews_every_third_of_the_lease_and_keeps_its_term()
    {
        await StartAsync();
        var term = await lease.WaitForTermAsync(CancellationToken.None);

        for (var second = 1; second <= 6; second++)
        {
            clock.Advance(Second);
            await clock.WaitForTimersAsync(1 + second);
            (store.Renewals, store.ExpiresAt).ShouldBe((second, clock.GetUtcNow() + Lease), $"renewed at {second} s");
        }

        (fence.Term, fence.IsHeld, term.IsCancellationRequested).ShouldBe((1L, true, false));
    }

    [Test]
    public async Task A_renewal_that_finds_another_holder_ends_the_term_at_once_and_the_instance_stands_by()
    {
        await StartAsync();
        var term = await lease.WaitForTermAsync(CancellationToken.None);
        store.TakenBy("instance-b", Lease);

        clock.Advance(Second);
        await clock.WaitForTimersAsync(2);

        term.IsCancellationRequested.ShouldBeTrue("the tasks of the term are told to stop");
        (fence.Term, lease.Role, store.Attempts).ShouldBe((0L, "standby", 2), "standing by again");
        Should.Throw<LeadershipLostException>(() => fence.ThrowIfNotHeld("placing an order")).Message
            .ShouldBe("instance-a does not hold the leadership lease (term 0): placing an order refused.");
    }

    [Test]
    public async Task A_renewal_that_fails_ends_the_term()
    {
        await StartAsync();
        var term = await lease.WaitForTermAsync(CancellationToken.None);
        store.FailNextRenewal = true;

        clock.Advance(Second);
        await clock.WaitForTimersAsync(2);

        (term.IsCancellationRequested, fence.IsHeld).ShouldBe((true, false));
    }

    [Test]
    public async Task A_leader_paused_past_its_lease_steps_down_without_renewing_and_is_refused_before_it_runs()
    {
        await StartAsync();
        var term = await lease.WaitForTermAsync(CancellationToken.None);
        store.TakenBy("instance-b", TimeSpan.FromSeconds(10));

        // The process was stopped for 5 s: by its own clock its 3 s lease ran out, whatever its loop does next.
        clock.Advance(TimeSpan.FromSeconds(5));
        fence.IsHeld.ShouldBeFalse("refused before the loop even runs");
        await clock.WaitForTimersAsync(2);

        (term.IsCancellationRequested, store.Renewals, fence.Term).ShouldBe((true, 0, 0L));
    }

    [Test]
    public async Task A_stopping_leader_gives_the_lease_back()
    {
        await StartAsync();
        var term = await lease.WaitForTermAsync(CancellationToken.None);
        await stopping.CancelAsync();
        await running;

        await lease.ReleaseAsync(CancellationToken.None);

        (store.ExpiresAt, fence.Term, term.IsCancellationRequested).ShouldBe((clock.GetUtcNow(), 0L, true));
    }

    private async Task StartAsync()
    {
        running = Task.Run(() => lease.RunAsync(stopping.Token));
        await clock.WaitForTimersAsync(1);
    }
}
