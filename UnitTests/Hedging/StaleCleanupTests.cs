using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OffchainOrders;

namespace TradingBot.Acceptance.UnitTests.Hedging;

/// <summary>The checker's stale cleanup takes the store's writer only for executions that may be stale (§6.5, §13).</summary>
[TestFixture]
public sealed class StaleCleanupTests
{
    private static readonly string[] Fresh = ["tMSFT", "tNVDA", "tGOOG", "tAMZN", "tTSLA", "tMETA"];
    private static readonly CancellationToken None = CancellationToken.None;

    [Test]
    public async Task A_tick_with_fresh_pending_executions_and_one_stale_writes_for_the_stale_one_only()
    {
        using var bot = new HedgingTestBed();
        bot.Executor.WithNoAnswer();
        var stale = (await bot.TradeAsync("tAAPL", 1.2m, Direction.Sell)).ShouldNotBeNull().ExecutionId;
        bot.Clock.Advance(TimeSpan.FromMinutes(11));
        foreach (var token in Fresh)
            (await bot.TradeAsync(token, 1.2m, Direction.Sell)).ShouldNotBeNull($"a pending execution of {token}");
        var events = bot.EventTypes().Count;
        var writes = bot.Database.WritesBegun;

        (await bot.Conductor.CleanupStaleExecutionsAsync(None)).ShouldBe([stale], "failed as stale");

        (bot.Database.WritesBegun - writes).ShouldBe(1, "write transactions of the tick");
        bot.EventTypes().Skip(events).ShouldBe(["OffchainOrderEvent::Failed", "PositionEvent::OffChainOrderFailed"]);
        new OffchainOrderView(bot.Database).All("Pending").Count.ShouldBe(Fresh.Length, "fresh orders still pending");
    }

    [Test]
    public async Task Fresh_pending_executions_turn_stale_when_their_lease_stops_moving()
    {
        using var bot = new HedgingTestBed();
        bot.Executor.WithNoAnswer();
        foreach (var token in Fresh)
            (await bot.TradeAsync(token, 1.2m, Direction.Sell)).ShouldNotBeNull($"a pending execution of {token}");
        var writes = bot.Database.WritesBegun;

        bot.Clock.Advance(TimeSpan.FromMinutes(10));
        (await bot.Conductor.CleanupStaleExecutionsAsync(None)).ShouldBeEmpty("stale after exactly 10 minutes");
        (bot.Database.WritesBegun - writes).ShouldBe(0, "write transactions while every lease is fresh");

        bot.Clock.Advance(TimeSpan.FromMinutes(1));
        (await bot.Conductor.CleanupStaleExecutionsAsync(None)).Count.ShouldBe(Fresh.Length, "stale after 11 minutes");
        (bot.Database.WritesBegun - writes).ShouldBe(Fresh.Length, "one write per stale execution");
    }
}
