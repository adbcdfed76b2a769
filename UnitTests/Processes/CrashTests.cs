using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.OffchainOrders;

namespace TradingBot.Acceptance.UnitTests.Processes;

/// <summary>
/// The bot as a real process, killed with SIGKILL at random points while fills arrive and hedges go out, then
/// started again on the same store (a SQLite file, or a PostgreSQL schema): nothing lost, nothing doubled, the file intact.
/// </summary>
[TestFixture(EventStoreKind.Sqlite)]
[TestFixture(EventStoreKind.Postgres)]
[Category("crash")]
[NonParallelizable]
public sealed class CrashTests(EventStoreKind kind)
{
    private static readonly string[] Tokens = ["tAAPL", "tMSFT", "tNVDA"];
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Test]
    public async Task A_bot_killed_at_random_points_ends_with_every_fill_applied_once_and_every_broker_order_tracked_and_filled()
    {
        const int Kills = 12, FillsPerLife = 5;
        var seed = Environment.TickCount;
        var random = new Random(seed);
        await using var world = await ProcessWorld.StartAsync(brokerLatency: TimeSpan.FromMilliseconds(150), placementDeadlineSeconds: 2, kind);
        var plan = Enumerable.Range(1, (Kills + 1) * FillsPerLife).Select(number => (Token: Tokens[number % Tokens.Length], Shares: 1m + (number % 3))).ToList();
        var fills = new List<(string TxHash, string Token, decimal Shares)>();
        void Report(IEnumerable<(string Token, decimal Shares)> sales) => fills.AddRange(sales.Select(sale => (world.Sale(sale.Token, sale.Shares), sale.Token, sale.Shares)));

        for (var life = 0; life < Kills; life++)
        {
            Report(plan.Skip(life * FillsPerLife).Take(FillsPerLife));
            using var bot = world.StartBot();
            // Every fourth kill lands while the process starts (opening or creating the file); the others while it works.
            if (life % 4 != 0)
                await bot.WaitUntilRunningAsync(Patience);
            await Task.Delay(random.Next(life % 4 == 0 ? 100 : 0, life % 4 == 0 ? 800 : 1500));
            await bot.KillAsync();
        }

        Report(plan.Skip(Kills * FillsPerLife));
        using (var last = world.StartBot())
        {
            await last.WaitUntilRunningAsync(Patience);
            var settled = await world.WaitForAsync(snapshot => snapshot.Settled(fills.Count), Patience);
            settled.Settled(fills.Count).ShouldBeTrue($"the bot settled after {Kills} kills (seed {seed}): {settled.Processed}/{fills.Count} fills processed, "
                + $"{settled.Orders.Count(order => !order.Order.IsTerminal)} orders open, positions {string.Join(", ", settled.Positions.Select(p => $"{p.Symbol} {p.Net}"))}\n{last.Output}");
            await last.StopAsync(Patience);
        }

        var end = world.Read();
        var journal = world.Journal();
        HedgeLedger.CheckEveryFillHedgedOnce(world, end, fills);
        if (kind == EventStoreKind.Sqlite)
            world.IntegrityCheck().ShouldBe("ok", "PRAGMA integrity_check");
        TestContext.Out.WriteLine(
            $"crash on {kind}: {Kills} kills (seed {seed}), {fills.Count} fills, {journal.Count} broker orders, {HedgeLedger.Duplicates(world)} duplicates, "
            + $"{end.Orders.Count(order => order.Order is OffchainOrder.Failed)} orders failed and hedged again");
    }
}
