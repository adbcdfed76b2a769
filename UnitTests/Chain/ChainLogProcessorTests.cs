using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Chain;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Support.Chain;
using static TradingBot.Acceptance.UnitTests.Chain.ChainTestLogs;

namespace TradingBot.Acceptance.UnitTests.Chain;

[TestFixture]
public sealed class ChainLogProcessorTests
{
    private const long Block = 120;
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2025, 1, 6, 15, 0, 0, TimeSpan.Zero));

    [Test]
    public async Task A_busy_release_wakes_the_queue_processor_after_each_chunk_and_moves_the_checkpoint_with_the_last()
    {
        using var database = SqliteDatabase.InMemory(clock);
        var wakes = new List<(int Queued, long StartBlock)>();
        ChainLogProcessor processor = null!;
        processor = new ChainLogProcessor(Settings, Reader(Node()), database, clock, () => wakes.Add((Queued(database), processor.StartBlock())));

        await processor.ProcessAsync(Takes(70), Block, CancellationToken.None);

        wakes.ShouldBe([(32, Settings.DeploymentBlock), (64, Settings.DeploymentBlock), (70, Block + 1)],
            "the first two chunks hedged before the release ends, the checkpoint unmoved until the last");
    }

    [Test]
    public async Task A_release_stopped_between_chunks_is_read_again_from_the_checkpoint_and_queues_each_fill_once()
    {
        using var database = SqliteDatabase.InMemory(clock);
        var crashing = new ChainLogProcessor(Settings, Reader(Node()), database, clock, () => throw new OperationCanceledException("killed"));
        await Should.ThrowAsync<OperationCanceledException>(() => crashing.ProcessAsync(Takes(70), Block, CancellationToken.None));
        (Queued(database), crashing.StartBlock()).ShouldBe((32, Settings.DeploymentBlock), "the first chunk recorded, the checkpoint where it was");

        var restarted = new ChainLogProcessor(Settings, Reader(Node()), database, clock, () => { });
        await restarted.ProcessAsync(Takes(70), Block, CancellationToken.None);

        (Queued(database), restarted.StartBlock(), restarted.Counts.Fills).ShouldBe((70, Block + 1, 38L), "the 32 already queued were dropped by their key");
    }

    [Test]
    public async Task The_start_block_a_release_knows_is_the_databases_read_once_and_then_the_ones_it_recorded()
    {
        using var database = SqliteDatabase.InMemory(clock);
        await new ChainLogProcessor(Settings, Reader(Node()), database, clock, () => { }).ProcessAsync(Takes(3), Block, CancellationToken.None);
        var restarted = new ChainLogProcessor(Settings, Reader(Node()), database, clock, () => { });

        restarted.KnownStartBlock().ShouldBe(Block + 1, "a new processor reads the checkpoint recorded before it");
        await restarted.ProcessAsync([], Block + 10, CancellationToken.None);

        (restarted.KnownStartBlock(), restarted.StartBlock()).ShouldBe((Block + 11, Block + 11));
    }

    private static List<ChainLog> Takes(int count) =>
        [.. Enumerable.Range(0, count).Select(index => Log(OrderbookTopics.TakeOrderV3,
            OrderbookLogEncoder.Data(OrderbookLogEncoder.TakeOrder(OrderbookLogEncoder.Order(Bot, input: Usdc, output: Aapl), takerInput: 1m, takerOutput: 205.85m)),
            logIndex: index, Block))];

    private static int Queued(SqliteDatabase database)
    {
        using var read = database.BeginRead();
        return read.EventQueue.All().Count;
    }
}
