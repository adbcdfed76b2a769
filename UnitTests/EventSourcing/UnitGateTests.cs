using System.Collections.Concurrent;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;

namespace TradingBot.Acceptance.UnitTests.EventSourcing;

/// <summary>Writers take turns first come, first served; a background writer lets the others go first, a few in a row at most.</summary>
[TestFixture]
public sealed class UnitGateTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private ConcurrentQueue<string> turns = null!;
    private List<Task> writers = null!;
    private UnitGate gate = null!;

    [SetUp]
    public void Open() => (gate, turns, writers) = (new UnitGate(readersToo: false), new ConcurrentQueue<string>(), []);

    [Test]
    public async Task Writers_take_their_turns_in_the_order_they_came()
    {
        var holder = Hold();
        Queue("first");
        Queue("second");
        Queue("third");

        await ReleaseAsync(holder);

        turns.ShouldBe(["first", "second", "third"]);
    }

    [Test]
    public async Task A_background_writer_lets_the_writers_waiting_beside_it_go_first()
    {
        var holder = Hold();
        Queue("poll", inBackground: true);
        Queue("batch 1");
        Queue("batch 2");

        await ReleaseAsync(holder);

        turns.ShouldBe(["batch 1", "batch 2", "poll"]);
    }

    [Test]
    public async Task A_background_writer_passed_over_too_often_takes_the_next_turn()
    {
        var holder = Hold();
        Queue("poll", inBackground: true);
        var batches = Enumerable.Range(1, UnitGate.BackgroundPassedOver + 1).Select(number => $"batch {number}").ToList();
        foreach (var batch in batches)
            Queue(batch);

        await ReleaseAsync(holder);

        turns.ShouldBe([.. batches.Take(UnitGate.BackgroundPassedOver), "poll", batches[^1]]);
    }

    [Test]
    public void A_background_writer_takes_a_free_turn_at_once()
    {
        gate.Enter(write: true, inBackground: true).ShouldBeTrue("a turn of its own");
        gate.Waiting.ShouldBe(0);
        gate.Leave();
    }

    // Takes the turn in a flow of its own (a flow holding the turn does not wait for itself) until released.
    private TaskCompletionSource Hold()
    {
        var release = new TaskCompletionSource();
        var taken = new TaskCompletionSource();
        writers.Add(Task.Run(async () =>
        {
            gate.Enter(write: true);
            taken.SetResult();
            await release.Task;
            gate.Leave();
        }));
        taken.Task.Wait(Patience).ShouldBeTrue("the turn taken");
        return release;
    }

    // A writer that waits for its turn, notes it and leaves; returns once it waits.
    private void Queue(string name, bool inBackground = false)
    {
        var waitingBefore = gate.Waiting;
        // A thread of its own: a waiting writer blocks its thread, and the pool adds threads slowly.
        writers.Add(Task.Factory.StartNew(
            () =>
            {
                gate.Enter(write: true, inBackground).ShouldBeTrue();
                turns.Enqueue(name);
                gate.Leave();
            },
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));
        SpinWait.SpinUntil(() => gate.Waiting == waitingBefore + 1, Patience).ShouldBeTrue($"{name} waiting");
    }

    private async Task ReleaseAsync(TaskCompletionSource holder)
    {
        holder.SetResult();
        await Task.WhenAll(writers).WaitAsync(Patience); // every writer had its turn
    }
}
