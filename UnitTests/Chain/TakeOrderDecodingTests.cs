using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Chain;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OnChainTrades;
using TradingBot.Acceptance.Support.Chain;
using static TradingBot.Acceptance.UnitTests.Chain.ChainTestLogs;

namespace TradingBot.Acceptance.UnitTests.Chain;

[TestFixture]
public sealed class TakeOrderDecodingTests
{
    [Test]
    public async Task Worked_example_A_a_taker_takes_our_tAAPL_order_for_9_shares_at_205_85()
    {
        var take = OrderbookLogEncoder.TakeOrder(OrderbookLogEncoder.Order(Bot, input: Usdc, output: Aapl), takerInput: 0m, takerOutput: 0m);
        take.Input = HexQuantity.ParseData("0x0000000000000000000000000000000000000000000000000000000000000009");
        take.Output = HexQuantity.ParseData("0xfffffffe0000000000000000000000000000000000000000000000000002d3b1");

        var reading = await Reader(Node()).ReadAsync(Log(OrderbookTopics.TakeOrderV3, OrderbookLogEncoder.Data(take), logIndex: 7), CancellationToken.None);

        var fill = reading.ShouldBeOfType<LogReading.Filled>().Fill;
        (fill.TradeId, fill.TokenSymbol, fill.Amount, fill.Direction, fill.PriceUsdc, fill.UsdcAmount, fill.BlockNumber)
            .ShouldBe((new TradeId(Tx, 7), "tAAPL", 9m, Direction.Sell, 205.85m, 1852.65m, 120L));
        fill.BlockTimestamp.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1_736_175_600));
        var checkedFill = fill.ToOnChainFill().ShouldBeOfType<FillValidation.Valid>().Fill;
        (checkedFill.Symbol, checkedFill.Amount.Value, checkedFill.PriceUsdc.Value).ShouldBe((new Symbol("AAPL"), 9m, 205.85m));
    }

    [Test]
    public async Task A_take_of_an_order_that_gives_USDC_for_tMSFT_is_a_buy_with_amounts_from_the_orders_side()
    {
        var take = OrderbookLogEncoder.TakeOrder(OrderbookLogEncoder.Order(Bot, input: Msft, output: Usdc), takerInput: 1234.5678919m, takerOutput: 2.5m);

        var fill = (await Reader(Node()).ReadAsync(Log(OrderbookTopics.TakeOrderV3, OrderbookLogEncoder.Data(take), 2), CancellationToken.None))
            .ShouldBeOfType<LogReading.Filled>().Fill;

        (fill.TokenSymbol, fill.Amount, fill.Direction, fill.UsdcAmount, fill.PriceUsdc).ShouldBe(("tMSFT", 2.5m, Direction.Buy, 1234.567891m, 493.8271564m));
    }

    [Test]
    public async Task A_take_of_another_owners_order_is_ignored_without_asking_the_node()
    {
        var take = OrderbookLogEncoder.TakeOrder(OrderbookLogEncoder.Order(Other, Usdc, Aapl), 9m, 1852.65m);
        var node = Node();

        var reading = await Reader(node).ReadAsync(Log(OrderbookTopics.TakeOrderV3, OrderbookLogEncoder.Data(take), 1), CancellationToken.None);

        reading.ShouldBeOfType<LogReading.Ignored>().Why.ShouldContain("not our order");
        node.Invocations.ShouldBeEmpty();
    }

    [Test]
    public async Task A_log_of_another_contract_or_event_is_ignored()
    {
        var take = OrderbookLogEncoder.Data(OrderbookLogEncoder.TakeOrder(OrderbookLogEncoder.Order(Bot, Usdc, Aapl), 9m, 1852.65m));
        var reader = Reader(Node());

        (await reader.ReadAsync(Log(OrderbookTopics.TakeOrderV3, take, 1, address: Other), CancellationToken.None)).ShouldBeOfType<LogReading.Ignored>();
        (await reader.ReadAsync(Log(OrderbookTopics.AfterClearV2, take, 1), CancellationToken.None)).ShouldBeOfType<LogReading.Ignored>();
    }

    [TestCase("WETH", TestName = "An equity against WETH is a non-hedgeable pair")]
    [TestCase("tMSFT", TestName = "Two equities are a non-hedgeable pair")]
    public async Task A_pair_without_exactly_one_USDC_side_is_skipped_with_its_reason(string counterSymbol)
    {
        var counter = counterSymbol == "WETH" ? Weth : Msft;
        var take = OrderbookLogEncoder.TakeOrder(OrderbookLogEncoder.Order(Bot, input: counter, output: Aapl), 9m, 3m);

        var skipped = (await Reader(Node()).ReadAsync(Log(OrderbookTopics.TakeOrderV3, OrderbookLogEncoder.Data(take), 4), CancellationToken.None))
            .ShouldBeOfType<LogReading.Skipped>();

        (skipped.TradeId, skipped.Reason, skipped.Detail).ShouldBe((new TradeId(Tx, 4), "non_hedgeable_pair", $"{counterSymbol} in, tAAPL out"));
    }

    [Test]
    public async Task No_shares_is_not_a_trade_and_shares_for_no_USDC_are_unpriceable()
    {
        var reader = Reader(Node());
        var noShares = OrderbookLogEncoder.TakeOrder(OrderbookLogEncoder.Order(Bot, Usdc, Aapl), takerInput: 0m, takerOutput: 10m);
        var noDollars = OrderbookLogEncoder.TakeOrder(OrderbookLogEncoder.Order(Bot, Usdc, Aapl), takerInput: 2m, takerOutput: 0.0000001m);

        (await reader.ReadAsync(Log(OrderbookTopics.TakeOrderV3, OrderbookLogEncoder.Data(noShares), 1), CancellationToken.None))
            .ShouldBeOfType<LogReading.Ignored>().Why.ShouldBe("no tAAPL moved");
        (await reader.ReadAsync(Log(OrderbookTopics.TakeOrderV3, OrderbookLogEncoder.Data(noDollars), 2), CancellationToken.None))
            .ShouldBeOfType<LogReading.Skipped>().Reason.ShouldBe("unpriceable_fill");
    }

    [Test]
    public async Task An_io_index_out_of_range_is_refused_naming_the_log()
    {
        var take = OrderbookLogEncoder.TakeOrder(OrderbookLogEncoder.Order(Bot, Usdc, Aapl), 9m, 1852.65m);
        take.Config.OutputIoIndex = 3;

        var refused = (await Reader(Node()).ReadAsync(Log(OrderbookTopics.TakeOrderV3, OrderbookLogEncoder.Data(take), 5), CancellationToken.None))
            .ShouldBeOfType<LogReading.Refused>();

        refused.Reason.ShouldBe($"IO index 3 out of range of validOutputs (1 entries) at tx {Tx} log 5");
    }

    [Test]
    public async Task A_negative_amount_and_data_that_does_not_decode_are_refused_naming_the_log()
    {
        var reader = Reader(Node());
        var negative = OrderbookLogEncoder.TakeOrder(OrderbookLogEncoder.Order(Bot, Usdc, Aapl), takerInput: -1.5m, takerOutput: 10m);

        (await reader.ReadAsync(Log(OrderbookTopics.TakeOrderV3, OrderbookLogEncoder.Data(negative), 6), CancellationToken.None))
            .ShouldBeOfType<LogReading.Refused>().Reason.ShouldBe($"negative Float (-15e-1) (tx {Tx} log 6)");
        (await reader.ReadAsync(Log(OrderbookTopics.TakeOrderV3, "0x" + new string('0', 62) + "ff", 8), CancellationToken.None))
            .ShouldBeOfType<LogReading.Refused>().Reason.ShouldStartWith($"TakeOrderV3 at tx {Tx} log 8 does not decode");
    }
}
