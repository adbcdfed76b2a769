using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Hosting;

namespace TradingBot.Acceptance.UnitTests.Hosting;

[TestFixture]
public sealed class TaskSupervisorTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Test]
    public async Task A_faulting_task_is_restarted_after_a_doubling_backoff_while_the_others_keep_ticking()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 6, 15, 0, 0, TimeSpan.Zero));
        var activity = new BotActivity(clock);
        var options = new BotOptions { Chain = new(new Uri("ws://127.0.0.1/"), new("0xe522", "0xb07", 0, 3)), RestartBackoffInitial = TimeSpan.FromSeconds(1) };
        var flaky = new FlakyTask(activity, faultingRuns: 3);
        var ticking = new TickingTask(activity, TimeSpan.FromSeconds(1));
        using var stop = new CancellationTokenSource();
        var flakySupervisor = new TaskSupervisor(flaky, activity, options, NullLogger.Instance);
        var runs = new[] { flakySupervisor, new TaskSupervisor(ticking, activity, options, NullLogger.Instance) }
            .Select(supervisor =>
            {
                activity.Enter();
                return Task.Run(() => supervisor.RunAsync(stop.Token, CancellationToken.None));
            })
            .ToList();

        var seen = new List<(int Second, int Runs, int Ticks)>();
        for (var second = 0; second <= 8; second++)
        {
            await Quiescent(activity);
            seen.Add((second, flaky.Runs, ticking.Ticks));
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        // Faults at 0 s, then restarts after 1 s, 2 s and 4 s: runs at 0, 1, 3 and 7 s; the fourth run stays up.
        seen.Select(entry => entry.Runs).ShouldBe([1, 2, 2, 3, 3, 3, 3, 4, 4], "runs of the flaky task second by second");
        seen.Select(entry => entry.Ticks).ShouldBe([0, 1, 2, 3, 4, 5, 6, 7, 8], "ticks of the healthy task second by second");
        flakySupervisor.Faults.ShouldBe(3, "faults of the flaky task");
        flakySupervisor.LastFault!.Message.ShouldBe("run 3 failed", "last fault");

        await stop.CancelAsync();
        await Task.WhenAll(runs).WaitAsync(Patience);
        activity.Busy.ShouldBe(0, "tasks busy after the stop");
    }

    [Test]
    public async Task A_task_waiting_to_restart_stops_at_once_when_the_bot_stops()
    {
        var clock = new FakeTimeProvider();
        var activity = new BotActivity(clock);
        var options = new BotOptions { Chain = new(new Uri("ws://127.0.0.1/"), new("0xe522", "0xb07", 0, 3)) };
        var flaky = new FlakyTask(activity, faultingRuns: int.MaxValue);
        var supervisor = new TaskSupervisor(flaky, activity, options, NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        activity.Enter();
        var run = Task.Run(() => supervisor.RunAsync(stop.Token, CancellationToken.None));
        await Quiescent(activity);

        await stop.CancelAsync();
        await run.WaitAsync(Patience);

        flaky.Runs.ShouldBe(1, "runs: no restart after the stop");
        activity.Busy.ShouldBe(0, "tasks busy after the stop");
    }

    private static async Task Quiescent(BotActivity activity)
    {
        using var patience = new CancellationTokenSource(Patience);
        await activity.WaitUntilQuiescentAsync(() => true, patience.Token);
    }

    private sealed class FlakyTask(BotActivity activity, int faultingRuns) : IBotTask
    {
        private int runs;

        public int Runs => Volatile.Read(ref runs);

        public string Name => "flaky";

        public async Task RunAsync(CancellationToken stopping, CancellationToken abort)
        {
            var run = Interlocked.Increment(ref runs);
            if (run <= faultingRuns)
                throw new InvalidOperationException($"run {run} failed");
            await activity.IdleForAsync(TimeSpan.FromHours(1), stopping);
        }
    }

    private sealed class TickingTask(BotActivity activity, TimeSpan interval) : IBotTask
    {
        private int ticks;

        public int Ticks => Volatile.Read(ref ticks);

        public string Name => "ticking";

        public async Task RunAsync(CancellationToken stopping, CancellationToken abort)
        {
            while (true)
            {
                await activity.IdleForAsync(interval, stopping);
                Interlocked.Increment(ref ticks);
            }
        }
    }
}
