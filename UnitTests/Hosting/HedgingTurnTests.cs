using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Hosting;

namespace TradingBot.Acceptance.UnitTests.Hosting;

/// <summary>The order status poller waits between its units while the queue processor drains (DOMAIN §6.4).</summary>
[TestFixture]
public sealed class HedgingTurnTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private BotActivity activity = null!;
    private HedgingTurn turn = null!;

    [SetUp]
    public void Busy()
    {
        activity = new BotActivity(new FakeTimeProvider());
        turn = new HedgingTurn(activity);
        activity.Enter(); // the poller
        activity.Enter(); // the queue processor
    }

    [Test]
    public void The_poller_goes_on_at_once_while_the_queue_processor_is_not_draining() =>
        turn.YieldAsync(CancellationToken.None).AsTask().IsCompleted.ShouldBeTrue("a turn taken with nothing draining");

    [Test]
    public async Task The_poller_waits_while_the_queue_processor_drains_and_goes_on_once_it_has_drained()
    {
        turn.DrainStarted();
        var waiting = turn.YieldAsync(CancellationToken.None).AsTask();

        await Task.Yield();
        waiting.IsCompleted.ShouldBeFalse("the poller's turn while a batch is under way");
        turn.DrainEnded();
        await waiting.WaitAsync(Patience);
    }

    [Test]
    public async Task Under_a_queue_that_never_empties_the_poller_takes_a_turn_after_a_few_batches()
    {
        turn.DrainStarted();
        for (var turns = 1; turns <= 2; turns++)
        {
            var waiting = turn.YieldAsync(CancellationToken.None).AsTask();
            for (var batch = 1; batch < HedgingTurn.PatienceBatches; batch++)
                turn.BatchDone();
            await Task.Yield();
            waiting.IsCompleted.ShouldBeFalse($"turn {turns}, one batch before its patience ran out");
            turn.BatchDone();
            await waiting.WaitAsync(Patience);
        }

        turn.IsDraining.ShouldBeTrue("still draining");
    }

    [Test]
    public async Task The_poller_goes_on_when_the_draining_queue_processor_itself_waits_on_the_clock()
    {
        turn.DrainStarted();
        var waiting = turn.YieldAsync(CancellationToken.None).AsTask();

        activity.Exit(); // a broker's backoff in the middle of a batch: only the poller is busy
        await waiting.WaitAsync(Patience);
        turn.IsDraining.ShouldBeTrue("still draining");
    }

    [Test]
    public async Task A_stop_ends_the_wait()
    {
        using var stop = new CancellationTokenSource();
        turn.DrainStarted();
        var waiting = turn.YieldAsync(stop.Token).AsTask();

        await stop.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => waiting.WaitAsync(Patience));
    }
}
