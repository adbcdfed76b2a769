using System.Net;
using System.Diagnostics;
using System.Globalization;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;

namespace TradingBot.Acceptance.UnitTests.Processes;

/// <summary>
/// Active and standby: two bot processes on one PostgreSQL store with a leadership lease. The active one is killed
/// in the middle of a burst of fills, again and again, a fresh standby started each time: the standby takes over
/// within the lease plus 2 s and nothing is lost or doubled. A leader paused past its lease (SIGSTOP) records and
/// sends nothing once it wakes (SIGCONT), and steps down.
/// </summary>
[TestFixture]
[Category("ha")]
[NonParallelizable]
public sealed class FailoverTests
{
    private const double LeaseSeconds = 3;
    private static readonly string[] Tokens = ["tAAPL", "tMSFT", "tNVDA"];
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan TakeoverBound = TimeSpan.FromSeconds(LeaseSeconds + 2);

    [Test]
    public async Task The_standby_takes_over_from_an_active_instance_killed_ten_times_in_a_burst_of_fills()
    {
        const int Kills = 10, FillsPerBurst = 6;
        var seed = Environment.TickCount;
        var random = new Random(seed);
        await using var pair = await FailoverPair.StartAsync(LeaseSeconds);
        var lease = await pair.Watch.WaitForTermAfterAsync(0, Patience, pair.Outputs);
        var takeovers = new List<TimeSpan>();

        for (var kill = 1; kill <= Kills; kill++)
        {
            pair.Burst(FillsPerBurst, kill);
            // Blocks come every 100 ms, each hedge takes 150 ms at the broker: the kill lands with fills and hedges under way.
            await Task.Delay(random.Next(200, 1200));
            var killed = pair.Leader(lease);
            await killed.KillAsync();
            var sinceKill = Stopwatch.StartNew();
            pair.Replace(killed);
            lease = await pair.Watch.WaitForTermAfterAsync(lease.Term, Patience, pair.Outputs);
            takeovers.Add(sinceKill.Elapsed);
            lease.Holder.ShouldNotBe(killed.InstanceId, "the lease is taken by the standby, not kept by the killed instance");
            sinceKill.Elapsed.ShouldBeLessThanOrEqualTo(TakeoverBound, $"takeover {kill} (seed {seed}) within the lease plus 2 s");
            await pair.WaitUntilRunningAsync(Patience);
        }

        var end = await pair.SettleAndStopAsync(Patience);
        pair.CheckEveryFillHedgedOnce(end);
        var sorted = takeovers.Order().ToList();
        TestContext.Out.WriteLine(
            $"ha: {Kills} kills of the active instance (seed {seed}, lease {LeaseSeconds} s), takeover after the kill: min {Ms(sorted[0])}, "
            + $"median {Ms(sorted[sorted.Count / 2])}, max {Ms(sorted[^1])} (all: {string.Join(", ", takeovers.Select(Ms))}); "
            + $"{pair.Fills.Count} fills, {pair.World.Journal().Count} broker orders, {pair.Duplicates()} duplicates, lease term {lease.Term}");
    }

    [Test]
    public async Task A_leader_paused_past_its_lease_records_and_sends_nothing_when_it_wakes_steps_down_and_can_lead_again()
    {
        await using var pair = await FailoverPair.StartAsync(LeaseSeconds);
        var lease = await pair.Watch.WaitForTermAfterAsync(0, Patience, pair.Outputs);
        pair.Burst(6, 1);
        await Task.Delay(500);
        var paused = pair.Leader(lease);
        await paused.PauseAsync();
        var sincePause = Stopwatch.StartNew();
        var taken = await pair.Watch.WaitForTermAfterAsync(lease.Term, Patience, pair.Outputs);
        var takeover = sincePause.Elapsed;
        pair.Burst(6, 2);
        var settled = await pair.World.WaitForAsync(snapshot => snapshot.Settled(pair.Fills.Count), Patience);
        settled.Settled(pair.Fills.Count).ShouldBeTrue($"the new leader settled every fill\n{pair.Outputs()}");
        var ordersBefore = pair.World.Journal().Count;

        await paused.ResumeAsync();
        var lost = await BotLog.WaitForAsync(paused, $"the leadership lease of term {lease.Term} is lost", Patience);
        // As long again as the lease: whatever the woken instance still had under way would have been tried by then.
        await Task.Delay(TimeSpan.FromSeconds(LeaseSeconds));
        var after = pair.World.Read();
        var refused = BotLog.Count(paused, nameof(LeadershipLostException));

        after.Events.Count.ShouldBe(settled.Events.Count, $"no event recorded after the paused leader woke\n{lost}");
        var sentAfterWaking = pair.World.Journal().Count - ordersBefore;
        sentAfterWaking.ShouldBe(0, "no broker order after the paused leader woke");
        (await pair.Watch.ReadAsync())!.ShouldBe(taken, "the new leader keeps the lease");
        (await FailoverPair.RoleAsync(paused)).ShouldBe("standby", "GET /status of the instance that stepped down");
        (await FailoverPair.RoleAsync(pair.Leader(taken))).ShouldBe("active", "GET /status of the leader");
        var command = await FailoverPair.OperatorAsync(paused, HttpMethod.Post, "kill-switch", "{\"reason\":\"drill\"}");
        command.Status.ShouldBe(HttpStatusCode.Conflict, $"the standby's kill switch write is fenced: {command.Body}");
        command.Body.ShouldContain("this instance is the standby");
        (await FailoverPair.OperatorAsync(paused, HttpMethod.Put, "limits", "{\"order_limit_usd\":1000}")).Status.ShouldBe(HttpStatusCode.Conflict, "limits are the active instance's");

        // Stepped down, it is a standby like any other: when the leader dies it takes over, and its writes go through again.
        var leader = pair.Leader(taken);
        await leader.KillAsync();
        pair.Replace(leader, startFresh: false);
        (await pair.Watch.WaitForTermAfterAsync(taken.Term, Patience, pair.Outputs)).Holder.ShouldBe(paused.InstanceId);
        pair.Burst(6, 3);
        var end = await pair.SettleAndStopAsync(Patience);
        pair.CheckEveryFillHedgedOnce(end);
        TestContext.Out.WriteLine(
            $"ha: leader paused (SIGSTOP) in a burst, standby took term {taken.Term} {Ms(takeover)} after the pause; after SIGCONT the old leader "
            + $"recorded {after.Events.Count - settled.Events.Count} events and sent {sentAfterWaking} broker orders, "
            + $"{refused} of its writes or broker calls refused, and stepped down, then led again after the new leader was killed; {pair.Fills.Count} fills, {pair.World.Journal().Count} broker orders, {pair.Duplicates()} duplicates");
    }

    private static string Ms(TimeSpan elapsed) => $"{elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms";
}
