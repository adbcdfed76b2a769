using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.OffchainOrders;

namespace TradingBot.Acceptance.UnitTests.Processes;

/// <summary>
/// Two bot processes on one database file, one chain and one slow broker: every hedge reaches the broker
/// once, although both see every fill and both pollers look at every order.
/// </summary>
[TestFixture(EventStoreKind.Sqlite)]
[TestFixture(EventStoreKind.Postgres)]
[Category("two-instances")]
[NonParallelizable]
public sealed class TwoInstanceTests(EventStoreKind kind)
{
    private static readonly string[] Tokens = ["tAAPL", "tMSFT", "tNVDA", "tTSLA", "tAMZN"];
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Test]
    public async Task Two_bot_processes_on_one_file_place_exactly_one_broker_order_per_hedge()
    {
        const int Rounds = 20;
        await using var world = await ProcessWorld.StartAsync(brokerLatency: TimeSpan.FromMilliseconds(600), placementDeadlineSeconds: 10, kind);
        using var first = world.StartBot();
        await first.WaitUntilRunningAsync(Patience);
        using var second = world.StartBot();
        await second.WaitUntilRunningAsync(Patience);
        var fills = new List<string>();

        for (var round = 1; round <= Rounds; round++)
        {
            fills.AddRange(Tokens.Select(token => world.Sale(token, shares: 1m)));
            var expected = round * Tokens.Length;
            var deadline = DateTime.UtcNow + Patience;
            while (world.Journal().Count < expected && DateTime.UtcNow < deadline)
                await Task.Delay(100);
            world.Journal().Count.ShouldBeGreaterThanOrEqualTo(expected, $"broker orders after round {round}\n{first.Output}\n{second.Output}");
        }

        var settled = await world.WaitForAsync(snapshot => snapshot.Settled(fills.Count), Patience);
        await Task.WhenAll(first.StopAsync(Patience), second.StopAsync(Patience));

        var journal = world.Journal();
        journal.Count.ShouldBe(Rounds * Tokens.Length, "exactly one broker order per hedge");
        foreach (var token in Tokens)
            journal.Count(order => order.Symbol == token[1..]).ShouldBe(Rounds, $"{token[1..]} broker orders");
        settled.Positions.ShouldAllBe(position => position.Net.Value == 0m, "every position flat");
        settled.Orders.Count(order => order.Order is OffchainOrder.Filled).ShouldBe(journal.Count, "every broker order tracked and filled");
        if (kind == EventStoreKind.Sqlite)
            world.IntegrityCheck().ShouldBe("ok", "PRAGMA integrity_check");
        TestContext.Out.WriteLine(
            $"two instances on {kind}: {Tokens.Length} symbols x {Rounds} rounds, {fills.Count} fills, {journal.Count} broker orders, {journal.Count - (Rounds * Tokens.Length)} duplicates, 600 ms placement latency");
    }
}
