using Moq;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Chain;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OnChainTrades;
using TradingBot.Acceptance.Support.Chain;
using static TradingBot.Acceptance.UnitTests.Chain.ChainTestLogs;

namespace TradingBot.Acceptance.UnitTests.Chain;

[TestFixture]
public sealed class ClearDecodingTests
{
    /// <summary>The AfterClearV2 data of DOMAIN §12.3 worked example B, word by word.</summary>
    private const string ExampleB = "0x"
        + "0000000000000000000000001111111111111111111111111111111111111111"
        + "0000000000000000000000000000000000000000000000000000000000000002"
        + "fffffffe0000000000000000000000000000000000000000000000000000a0d2"
        + "fffffffe0000000000000000000000000000000000000000000000000000a0be"
        + "0000000000000000000000000000000000000000000000000000000000000002";

    private static readonly ChainLog BobOursClear = Log(OrderbookTopics.ClearV3, OrderbookLogEncoder.Data(
        OrderbookLogEncoder.Clear(alice: OrderbookLogEncoder.Order(Other, input: Usdc, output: Aapl), bob: OrderbookLogEncoder.Order(Bot, input: Aapl, output: Usdc))), 10);

    [Test]
    public async Task Worked_example_B_bob_is_ours_and_buys_2_tAAPL_at_205_85()
    {
        var node = Node();
        BlockLogs(node, Log(OrderbookTopics.AfterClearV2, ExampleB, 11));

        var fill = (await Reader(node).ReadAsync(BobOursClear, CancellationToken.None)).ShouldBeOfType<LogReading.Filled>().Fill;

        (fill.TradeId, fill.TokenSymbol, fill.Amount, fill.Direction, fill.UsdcAmount, fill.PriceUsdc)
            .ShouldBe((new TradeId(Tx, 10), "tAAPL", 2m, Direction.Buy, 411.70m, 205.85m));
    }

    [Test]
    public async Task Alice_ours_takes_alices_side_and_the_first_AfterClearV2_after_the_clear_in_its_transaction()
    {
        var clear = Log(OrderbookTopics.ClearV3, OrderbookLogEncoder.Data(OrderbookLogEncoder.Clear(
            alice: OrderbookLogEncoder.Order(Bot, input: Usdc, output: Aapl), bob: OrderbookLogEncoder.Order(Other, input: Aapl, output: Usdc))), 10);
        var node = Node();
        BlockLogs(
            node,
            AfterClear(3m, 620m, 615m, 3m, logIndex: 9),
            AfterClear(4m, 820m, 800m, 4m, logIndex: 13),
            AfterClear(5m, 1030m, 1025m, 5m, logIndex: 14, tx: "0x" + new string('d', 64)),
            AfterClear(2m, 411.70m, 411.50m, 2m, logIndex: 12));

        var fill = (await Reader(node).ReadAsync(clear, CancellationToken.None)).ShouldBeOfType<LogReading.Filled>().Fill;

        (fill.Amount, fill.Direction, fill.UsdcAmount, fill.PriceUsdc).ShouldBe((2m, Direction.Sell, 411.50m, 205.75m));
    }

    [Test]
    public async Task A_clear_of_two_other_owners_is_ignored_without_asking_for_its_amounts()
    {
        var clear = Log(OrderbookTopics.ClearV3, OrderbookLogEncoder.Data(OrderbookLogEncoder.Clear(
            OrderbookLogEncoder.Order(Other, Usdc, Aapl), OrderbookLogEncoder.Order(OrderbookLogEncoder.Address(0x0e2), Aapl, Usdc))), 10);
        var node = Node();

        (await Reader(node).ReadAsync(clear, CancellationToken.None)).ShouldBeOfType<LogReading.Ignored>();
        node.Invocations.ShouldBeEmpty();
    }

    [Test]
    public async Task An_AfterClearV2_missing_from_the_blocks_logs_is_taken_from_the_receipt()
    {
        var node = Node();
        BlockLogs(node);
        node.Setup(rpc => rpc.ReceiptLogsAsync(Tx, It.IsAny<CancellationToken>())).ReturnsAsync([BobOursClear, Log(OrderbookTopics.AfterClearV2, ExampleB, 11)]);

        var fill = (await Reader(node).ReadAsync(BobOursClear, CancellationToken.None)).ShouldBeOfType<LogReading.Filled>().Fill;

        (fill.Amount, fill.PriceUsdc).ShouldBe((2m, 205.85m));
    }

    [Test]
    public async Task A_missing_AfterClearV2_is_a_node_failure_retried_later_and_then_read()
    {
        var node = Node();
        BlockLogs(node);
        node.Setup(rpc => rpc.ReceiptLogsAsync(Tx, It.IsAny<CancellationToken>())).ReturnsAsync((IReadOnlyList<ChainLog>?)null);
        var reader = Reader(node);

        (await Should.ThrowAsync<ChainRpcException>(() => reader.ReadAsync(BobOursClear, CancellationToken.None)))
            .Message.ShouldBe($"no AfterClearV2 follows the ClearV3 at tx {Tx} log 10, in the block's logs or the receipt");

        BlockLogs(node, Log(OrderbookTopics.AfterClearV2, ExampleB, 11));
        (await reader.ReadAsync(BobOursClear, CancellationToken.None)).ShouldBeOfType<LogReading.Filled>().Fill.Amount.ShouldBe(2m);
    }

    [Test]
    public async Task A_token_whose_symbol_fails_four_times_is_retried_later_and_a_known_one_is_asked_once()
    {
        var node = Node();
        BlockLogs(node, Log(OrderbookTopics.AfterClearV2, ExampleB, 11));
        node.Setup(rpc => rpc.CallAsync(It.Is<string>(to => ChainAddress.AreEqual(to, Aapl)), TokenSymbols.SymbolSelector, It.IsAny<CancellationToken>())).ThrowsAsync(new ChainRpcException("error -32000: execution reverted"));
        var reader = Reader(node);

        (await Should.ThrowAsync<ChainRpcException>(() => reader.ReadAsync(BobOursClear, CancellationToken.None)))
            .Message.ShouldBe($"symbol() of {Aapl} failed 4 times: error -32000: execution reverted");
        SymbolCalls(node, Aapl).ShouldBe(4);

        Symbol(node, Aapl, "tAAPL");
        (await reader.ReadAsync(BobOursClear, CancellationToken.None)).ShouldBeOfType<LogReading.Filled>();
        (await reader.ReadAsync(BobOursClear, CancellationToken.None)).ShouldBeOfType<LogReading.Filled>();
        SymbolCalls(node, Usdc).ShouldBe(1);
    }

    private static ChainLog AfterClear(decimal aliceOutput, decimal bobOutput, decimal aliceInput, decimal bobInput, long logIndex, string? tx = null) =>
        Log(OrderbookTopics.AfterClearV2, OrderbookLogEncoder.Data(OrderbookLogEncoder.AfterClear(aliceOutput, bobOutput, aliceInput, bobInput)), logIndex, tx: tx);

    private static void BlockLogs(Mock<IChainRpc> node, params ChainLog[] logs) =>
        node.Setup(rpc => rpc.GetLogsAsync(
                It.Is<LogFilter>(filter => filter.FromBlock == 120 && filter.ToBlock == 120 && filter.Topic0s.SequenceEqual(new[] { OrderbookTopics.AfterClearV2 })),
                It.IsAny<CancellationToken>()))
            .ReturnsAsync(logs);
}
