using Microsoft.Extensions.Logging.Abstractions;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hosting;
using TradingBot.Acceptance.Support.Fakes;

using TradingBot.Acceptance.Support.World;

namespace TradingBot.Acceptance.UnitTests.Hosting;

[TestFixture]
public sealed class ChainEventReceiverTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 6, 15, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Test]
    public async Task A_dropped_feed_is_reconnected_with_jittered_backoff_and_resumed_from_the_last_processed_block()
    {
        await using var feed = await ChainFeedServer.StartAsync();
        var clock = new ScenarioClock(Start);
        using var database = SqliteDatabase.InMemory(clock);
        var options = new BotOptions { ChainFeed = feed.Feed, DeploymentBlock = 100 };
        var activity = new BotActivity(clock);
        var channels = new BotChannels(options, activity);
        var receiver = new ChainEventReceiver(options, database, channels, activity, new Random(3), NullLogger<ChainEventReceiver>.Instance);
        var writer = new EventQueueWriter(database, channels, activity, clock);
        using var stop = new CancellationTokenSource();
        var supervisors = new IBotTask[] { receiver, writer, new WakeUpSink(channels, activity) }.Select(task => new TaskSupervisor(task, activity, options, NullLogger.Instance)).ToList();
        var running = supervisors.Select(supervisor =>
        {
            activity.Enter();
            return Task.Run(() => supervisor.RunAsync(stop.Token, CancellationToken.None));
        }).ToList();
        await Quiescent(activity, () => receiver.IsConnected);

        feed.Push([Fill(1, 101), Fill(2, 102), Fill(3, 103)]);
        await Quiescent(activity, () => Rows(database).Count == 3);
        MarkProcessed(database, upToBlock: 102);
        feed.RefuseConnections();
        feed.DropConnections();
        await Quiescent(activity, () => !receiver.IsConnected);

        var firstWait = await clock.AdvancePastNextTimerAsync(_ => true);
        await Quiescent(activity, () => feed.RefusedAttempts == 1);
        feed.AcceptConnections();
        var secondWait = await clock.AdvancePastNextTimerAsync(_ => true);
        await Quiescent(activity, () => receiver.IsConnected && feed.RequestedBlocks.Count == 2);
        feed.Push([Fill(4, 104)]);
        await Quiescent(activity, () => Rows(database).Count == 4);

        firstWait.ShouldBeInRange(TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1), "first reconnect wait");
        secondWait.ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), "second reconnect wait, after a refusal");
        feed.RequestedBlocks.ShouldBe([100L, 102L], "from_block of each connection");
        Rows(database).Select(row => row.Event.BlockNumber).ShouldBe([101L, 102L, 103L, 104L], "queued blocks: the replayed 102 and 103 counted once");
        writer.Written.ShouldBe(4, "fills new to the queue");
        receiver.Connections.ShouldBe(2, "connections");
        await stop.CancelAsync();
        await Task.WhenAll(running).WaitAsync(Patience);
    }

    [Test]
    public void A_message_that_is_not_a_fill_names_the_missing_field()
    {
        var message = """{"tx_hash":"0x01","log_index":0,"block_number":101,"token_symbol":"tAAPL","amount":"1","direction":"Sell","price":"100"}"""u8.ToArray();

        var error = Should.Throw<System.Text.Json.JsonException>(() => ChainFillMessage.Read(message));

        error.Message.ShouldBe("Chain feed message has no 'block_timestamp'.", "error");
    }

    [Test]
    public void A_fill_survives_the_round_trip_through_the_feed_format()
    {
        var fill = Fill(7, 107);

        var queued = ChainFillMessage.Read(System.Text.Encoding.UTF8.GetBytes(ChainFillMessage.Write(fill)));

        queued.TxHash.ShouldBe(fill.TxHash, "tx_hash");
        queued.LogIndex.ShouldBe(0, "log_index");
        queued.BlockNumber.ShouldBe(107, "block_number");
        queued.BlockTimestamp.ShouldBe(Start.AddSeconds(7), "block_timestamp");
        queued.EventData.ShouldBe("""{"token_symbol":"tAAPL","amount":"1.5","direction":"Sell","price_usdc":"100"}""", "event_data");
    }

    /// <summary>Stands in for the queue processor: takes the writer's wake-ups so the bot can go quiet.</summary>
    private sealed class WakeUpSink(BotChannels channels, BotActivity activity) : IBotTask
    {
        public string Name => "wake-up-sink";

        public async Task RunAsync(CancellationToken stopping, CancellationToken abort)
        {
            var reader = channels.QueueChanged.Reader;
            while (await activity.IdleWhileAsync(() => reader.WaitToReadAsync(stopping).AsTask()))
                reader.TryRead(out _);
        }
    }

    private static ChainFill Fill(int transaction, long block) =>
        new($"0x{transaction:x64}", 0, block, Start.AddSeconds(transaction), "tAAPL", 1.5m, Direction.Sell, 100m);

    private static IReadOnlyList<QueuedEvent> Rows(SqliteDatabase database)
    {
        using var read = database.BeginRead();
        return read.EventQueue.All();
    }

    private static void MarkProcessed(SqliteDatabase database, long upToBlock)
    {
        using var unit = database.BeginWrite();
        foreach (var row in unit.EventQueue.All().Where(row => row.Event.BlockNumber <= upToBlock))
            unit.EventQueue.MarkProcessed(row.Id, Start);
        unit.Commit();
    }

    private static async Task Quiescent(BotActivity activity, Func<bool> condition)
    {
        using var patience = new CancellationTokenSource(Patience);
        await activity.WaitUntilQuiescentAsync(condition, patience.Token);
    }
}
