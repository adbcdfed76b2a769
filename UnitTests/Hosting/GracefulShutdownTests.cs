using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.Hosting;
using TradingBot.Acceptance.Domain.OffchainOrders;
using TradingBot.Acceptance.Support.Fakes;

namespace TradingBot.Acceptance.UnitTests.Hosting;

[TestFixture]
public sealed class GracefulShutdownTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 6, 15, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Test]
    public async Task A_broker_call_past_the_deadline_is_cancelled_leaving_only_committed_work_and_a_restart_resumes()
    {
        var folder = Directory.CreateTempSubdirectory("graceful-shutdown-").FullName;
        try
        {
            await using var feed = await ChainFeedServer.StartAsync();
            var clock = new FakeTimeProvider(Start);
            var broker = new MockExecutor(clock);
            var options = new BotOptions { ChainFeed = feed.Feed, DeploymentBlock = 100, ShutdownDeadline = TimeSpan.FromMilliseconds(200) };
            broker.HoldNextPlacement(); // never released: only the deadline ends it

            using (var database = SqliteDatabase.OpenFile(Path.Combine(folder, "bot.db"), clock))
            {
                await using var bot = HostedBot.Create(new BotComponents(database, broker.Executor, clock, options, HedgingSettings.ForExecutor(SupportedExecutor.DryRun)) { Seed = 1 });
                await bot.StartAsync(CancellationToken.None);
                feed.Push([Fill(1, 101, 1m), Fill(2, 102, 2m)]);
                await broker.PlacementHeld.WaitAsync(Patience);
                await bot.StopAsync(CancellationToken.None).WaitAsync(Patience);

                database.ReadEventLog().Select(recorded => $"{recorded.AggregateType}/{recorded.AggregateId}/{recorded.EventName}").Last()
                    .ShouldBe("OffchainOrder/1/Placed", "last committed event: the placement's answer was never recorded");
                new OffchainOrderView(database).Load(new ExecutionId(1)).ShouldBeOfType<OffchainOrder.Pending>("order 1 after the forced stop");
            }

            using (var database = SqliteDatabase.OpenFile(Path.Combine(folder, "bot.db"), clock))
            {
                await using var bot = HostedBot.Create(new BotComponents(database, broker.Executor, clock, options, HedgingSettings.ForExecutor(SupportedExecutor.DryRun)) { Seed = 1 });
                await bot.StartAsync(CancellationToken.None);
                for (var minute = 0; minute < 4; minute++) // past the placement deadline of the stopped process
                {
                    await Quiescent(bot, () => true);
                    clock.Advance(TimeSpan.FromMinutes(1));
                }

                await Quiescent(bot, () => Processed(database) == 2);
                // The re-hedge may still wait for its status poll: a few poll intervals end it, or the checks below fail.
                for (var poll = 0; poll < 3 && !Settled(database); poll++)
                {
                    clock.Advance(options.OrderStatusInterval + options.OrderStatusMaxJitter);
                    await Quiescent(bot, () => true);
                }

                var orders = new OffchainOrderView(database).All();
                orders.Select(order => order.Order.Status).ShouldBe(["Failed", "Filled"], "order 1 never reached the broker; the checker hedged again");
                ((OffchainOrder.Failed)orders[0].Order).Error.ShouldStartWith("order never reached the broker", customMessage: "why order 1 failed");
                orders[1].Order.Terms.Shares.Value.ShouldBe(3m, "the re-hedge covers both fills");
                new Domain.Positions.PositionView(database).Load(new Symbol("AAPL"))!.Net.Value.ShouldBe(0m, "AAPL net after the restart");
                feed.RequestedBlocks.Count.ShouldBe(2, "connections to the feed");
                // 101 was processed before the stop; 102 too if it was queued before the stop and processed before the feed reconnected.
                feed.RequestedBlocks[1].ShouldBeOneOf([101L, 102L], "the restart resumed the feed from the last processed block");
                await bot.StopAsync(CancellationToken.None);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static ChainFill Fill(int transaction, long block, decimal amount) =>
        new($"0x{transaction:x64}", 0, block, Start.AddSeconds(transaction), "tAAPL", amount, Direction.Sell, 100m);

    private static bool Settled(SqliteDatabase database) =>
        new OffchainOrderView(database).All() is { Count: 2 } orders && orders.All(order => order.Order.Status is "Failed" or "Filled");

    private static int Processed(SqliteDatabase database)
    {
        using var read = database.BeginRead();
        return read.EventQueue.All().Count(row => row.Processed);
    }

    private static async Task Quiescent(HostedBot bot, Func<bool> condition)
    {
        using var patience = new CancellationTokenSource(Patience);
        await bot.WaitUntilQuiescentAsync(condition, patience.Token);
    }
}
