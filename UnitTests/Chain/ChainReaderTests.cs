using System.Text.Json;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Chain;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.OnChainTrades;
using TradingBot.Acceptance.Support.Chain;
using static TradingBot.Acceptance.UnitTests.Chain.ChainReaderTestBed;

namespace TradingBot.Acceptance.UnitTests.Chain;

[TestFixture]
public sealed class ChainReaderTests
{
    [Test]
    public async Task Fills_before_the_start_are_backfilled_and_later_ones_arrive_live_each_queued_once()
    {
        await using var bed = await StartAsync();
        var early = bed.Take(Bot, "tAAPL", 9m, 1852.65m);
        bed.Take(Other, "tAAPL", 1m, 200m);
        await bed.PassAsync(20);
        bed.Run();
        await bed.UntilAsync(() => bed.Queue().Count == 1, "the early fill backfilled");
        var clear = bed.Node.Chain.SubmitClear(
            OrderbookLogEncoder.Clear(OrderbookLogEncoder.Order(Other, bed.Usdc, bed.Token("tAAPL")), OrderbookLogEncoder.Order(Bot, bed.Token("tAAPL"), bed.Usdc)),
            OrderbookLogEncoder.AfterClear(2m, 411.70m, 411.50m, 2m));
        var weth = bed.Node.Chain.SubmitTake(OrderbookLogEncoder.TakeOrder(OrderbookLogEncoder.Order(Bot, bed.Token("WETH"), bed.Token("tAAPL")), 1m, 3000m));

        await bed.UntilAsync(() => bed.Queue().Count == 2 && bed.Skipped().Count == 1, "the clear queued and the WETH pair skipped");
        await bed.PassAsync(30);

        var fills = bed.Queue().Select(row => FillEventData.Read(row.Event)).Select(fill => fill.ShouldBeOfType<FillValidation.Valid>().Fill).ToList();
        fills.Select(fill => (fill.TradeId.TxHash, fill.Symbol, fill.Amount.Value, fill.Direction, fill.PriceUsdc.Value))
            .ShouldBe([(early, new Symbol("AAPL"), 9m, Direction.Sell, 205.85m), (clear, new Symbol("AAPL"), 2m, Direction.Buy, 205.85m)]);
        bed.Skipped().ShouldBe([(weth, 2L, "non_hedgeable_pair")], "after the clear's two logs in the same block");
        bed.Reader.Connections.ShouldBeGreaterThanOrEqualTo(1);
        bed.Checkpoint().ShouldNotBeNull().ShouldBeGreaterThan(DeploymentBlock);
    }

    [Test]
    public async Task A_long_backfill_reads_1000_blocks_per_request()
    {
        await using var bed = await StartAsync();
        var first = bed.Take(Bot, "tAAPL", 1m, 200m);
        bed.Clock.Advance(TimeSpan.FromSeconds(2 * 1200));
        bed.Node.MineDue();
        var second = bed.Take(Bot, "tAAPL", 2m, 400m);
        bed.Clock.Advance(TimeSpan.FromSeconds(2 * 1400));
        bed.Node.MineDue();
        bed.Run();

        var confirmedTip = DeploymentBlock + 2600 - 3;
        await bed.UntilAsync(() => bed.Checkpoint() >= confirmedTip, "the backfill up to the confirmed tip");

        bed.Queue().Select(row => (row.Event.TxHash, row.Event.BlockNumber)).ShouldBe([(first, DeploymentBlock + 1), (second, DeploymentBlock + 1201)]);
        bed.Node.Calls("eth_getLogs").ShouldBeGreaterThanOrEqualTo(3, "2,600 blocks in batches of 1,000");
    }

    [Test]
    public async Task A_silent_subscription_is_noticed_by_the_watchdog_and_backfilled_every_fill_once()
    {
        await using var bed = await StartAsync();
        bed.Run();
        await bed.UntilAsync(() => bed.Node.Subscriptions == 1, "subscribed");
        bed.Node.Faults.Silent = true;
        var silent = Enumerable.Range(1, 5).Select(i => bed.Take(Bot, "tMSFT", i, i * 400m)).ToList();

        await bed.UntilAsync(() => bed.Queue().Count == 5, "the silent fills backfilled");
        bed.Node.Faults.Silent = false;
        bed.Take(Bot, "tMSFT", 6m, 2400m);
        await bed.UntilAsync(() => bed.Queue().Count == 6, "the next fill");
        await bed.PassAsync(60);

        bed.Reader.Stalls.ShouldBeGreaterThanOrEqualTo(1);
        bed.Queue().Count.ShouldBe(6, "every fill once");
        bed.Queue().Take(5).Select(row => row.Event.TxHash).ShouldBe(silent);
    }

    [Test]
    public async Task A_reorged_log_that_was_not_confirmed_is_never_counted()
    {
        await using var bed = await StartAsync();
        bed.Run();
        await bed.UntilAsync(() => bed.Node.Subscriptions == 1, "subscribed");
        var reorged = bed.Take(Bot, "tAAPL", 3m, 600m);
        await bed.UntilAsync(() => bed.Node.Chain.Transaction(reorged) is not null, "mined");
        bed.Node.Reorg(reorged);
        var kept = bed.Take(Bot, "tAAPL", 4m, 800m);

        await bed.UntilAsync(() => bed.Queue().Count == 1, "the kept fill");
        await bed.PassAsync(60);

        bed.Queue().Select(row => row.Event.TxHash).ShouldBe([kept]);
    }

    [Test]
    public async Task A_restart_backfills_from_the_checkpoint_and_counts_nothing_twice()
    {
        await using var bed = await StartAsync();
        bed.Run();
        bed.Take(Bot, "tAAPL", 1m, 200m);
        await bed.UntilAsync(() => bed.Queue().Count == 1, "the first fill");
        await bed.PassAsync(40);
        await bed.StopAsync();
        var checkpoint = bed.Checkpoint().ShouldNotBeNull();
        var whileDown = bed.Take(Bot, "tAAPL", 2m, 400m);
        await bed.PassAsync(30);

        bed.Run();
        bed.Processor.StartBlock().ShouldBe(checkpoint + 1);
        await bed.UntilAsync(() => bed.Queue().Count == 2, "the fill made while down");
        await bed.PassAsync(30);

        bed.Queue().Select(row => row.Event.TxHash).Last().ShouldBe(whileDown);
        bed.Queue().Count.ShouldBe(2);
    }

    [Test]
    public async Task Logs_that_cannot_be_read_are_dead_letters_naming_the_log_and_the_reader_goes_on()
    {
        await using var bed = await StartAsync();
        var garbage = bed.Node.Chain.Submit((OrderbookTopics.TakeOrderV3, "0x" + new string('f', 64)));
        var take = OrderbookLogEncoder.TakeOrder(OrderbookLogEncoder.Order(Bot, bed.Usdc, bed.Token("tAAPL")), 1m, 200m);
        take.Config.InputIoIndex = 5;
        var outOfRange = bed.Node.Chain.SubmitTake(take);
        var negative = bed.Take(Bot, "tAAPL", -1.5m, 300m);
        var good = bed.Take(Bot, "tAAPL", 1m, 200m);
        bed.Run();

        await bed.UntilAsync(() => bed.Queue().Count == 4, "all four logs");

        var rows = bed.Queue().ToDictionary(row => row.Event.TxHash);
        rows[garbage].Error.ShouldNotBeNull().ShouldStartWith($"TakeOrderV3 at tx {garbage} log 0 does not decode");
        rows[outOfRange].Error.ShouldBe($"IO index 5 out of range of validInputs (1 entries) at tx {outOfRange} log 1");
        rows[negative].Error.ShouldBe($"negative Float (-15e-1) (tx {negative} log 2)");
        new[] { rows[garbage], rows[outOfRange], rows[negative] }.ShouldAllBe(row => row.Processed);
        JsonDocument.Parse(rows[negative].Event.EventData).RootElement.GetProperty("refused").GetString().ShouldBe(rows[negative].Error);
        (rows[good].Processed, rows[good].Error).ShouldBe((false, null));
    }

    [Test]
    public async Task Node_failures_lag_and_drops_are_retried_until_every_fill_is_read()
    {
        await using var bed = await StartAsync();
        var first = bed.Take(Bot, "tAAPL", 1m, 200m);
        await bed.PassAsync(20);
        bed.Node.Faults.LaggingTip = DeploymentBlock;
        bed.Node.Faults.Fail("eth_call", times: 5);
        bed.Run();
        await bed.PassAsync(30);
        bed.Queue().ShouldBeEmpty("a lagging node's empty answer is not trusted");

        bed.Node.Faults.LaggingTip = null;
        await bed.UntilAsync(() => bed.Queue().Count == 1, "the fill once the node caught up and symbol() answered");
        bed.Node.DropConnections();
        var afterDrop = bed.Take(Bot, "tAAPL", 2m, 400m);
        bed.Node.Faults.Fail("eth_blockNumber", times: 2, garbage: true);
        await bed.UntilAsync(() => bed.Queue().Count == 2, "the fill after the drop");

        bed.Queue().Select(row => row.Event.TxHash).ShouldBe([first, afterDrop]);
        bed.Reader.Connections.ShouldBeGreaterThanOrEqualTo(2);
    }
}
