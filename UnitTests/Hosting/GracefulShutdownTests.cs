using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.Hosting;
using TradingBot.Acceptance.Domain.OffchainOrders;
using TradingBot.Acceptance.Support.Chain;
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
            var clock = new FakeTimeProvider(Start);
            await using var chain = await ScenarioChain.StartAsync(clock, deploymentBlock: 100);
            var broker = new MockExecutor(clock);
            var options = new BotOptions { Chain = chain.ReaderOptions(100, requiredConfirmations: 0), ShutdownDeadline = TimeSpan.FromMilliseconds(200) };
            long? checkpointAtStop;
            broker.HoldNextPlacement(); // never released: only the deadline ends it

            using (var database = SqliteDatabase.OpenFile(Path.Combine(folder, "bot.db"), clock))
            {
                await using var bot = HostedBot.Create(new BotComponents(database, broker.Executor, clock, options, HedgingSettings.ForExecutor(SupportedExecutor.DryRun)) { Seed = 1 });
                await bot.StartAsync(CancellationToken.None);
                chain.Take(Aapl, Direction.Sell, 1m, 100m);
                chain.Take(Aapl, Direction.Sell, 2m, 100m);
                await BotClock.AdvanceUntilAsync(bot, clock, () => broker.PlacementHeld.IsCompleted, broker.PlacementHeld);
                await bot.StopAsync(CancellationToken.None).WaitAsync(Patience);
                checkpointAtStop = Checkpoint(database);

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
                checkpointAtStop.ShouldNotBeNull("the checkpoint when the bot stopped");
                chain.Node.BackfillStarts.GetValueOrDefault(2, -1).ShouldBe(checkpointAtStop.Value + 1, "the restart backfilled from the block after the checkpoint");
                await bot.StopAsync(CancellationToken.None);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static readonly Acceptance.Support.Parameters.TokenizedEquity Aapl = new(new Symbol("AAPL"));

    private static long? Checkpoint(SqliteDatabase database)
    {
        using var read = database.BeginRead();
        return new ChainIngestion(read).Checkpoint(ScenarioChain.Orderbook);
    }

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
