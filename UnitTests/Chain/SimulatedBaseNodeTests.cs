using System.Net.WebSockets;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Chain;
using TradingBot.Acceptance.Support.Chain;
using static TradingBot.Acceptance.UnitTests.Chain.ChainTestLogs;

namespace TradingBot.Acceptance.UnitTests.Chain;

[TestFixture]
public sealed class SimulatedBaseNodeTests
{
    private static readonly TimeSpan BlockTime = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    [Test]
    public async Task It_mines_on_the_clock_and_refuses_unknown_methods()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 6, 15, 0, 0, TimeSpan.Zero));
        await using var node = await SimulatedBaseNode.StartAsync(Orderbook, clock, BlockTime, firstBlock: 1000);
        using var client = new NodeClient(node.HttpUri);

        clock.Advance(BlockTime * 3);

        (await client.PostAsync("eth_blockNumber")).GetProperty("result").GetString().ShouldBe("0x3eb");
        (await client.PostAsync("eth_chainId")).GetProperty("result").GetString().ShouldBe("0x2105");
        (await client.PostAsync("eth_getBlockByNumber", "[\"0x3eb\",false]")).GetProperty("result").GetProperty("timestamp").GetString()
            .ShouldBe(HexQuantity.Format(clock.GetUtcNow().ToUnixTimeSeconds()));
        (await client.PostAsync("eth_sendRawTransaction", "[\"0x00\"]")).GetProperty("error").GetProperty("code").GetInt32().ShouldBe(-32601);
    }

    [Test]
    public async Task A_take_and_a_clear_become_real_orderbook_logs_in_the_next_block()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 6, 15, 0, 0, TimeSpan.Zero));
        await using var node = await SimulatedBaseNode.StartAsync(Orderbook, clock, BlockTime, firstBlock: 1000);
        using var client = new NodeClient(node.HttpUri);
        var aapl = node.Chain.Token("tAAPL");
        var usdc = node.Chain.Token("USDC");
        var take = node.Chain.SubmitTake(OrderbookLogEncoder.TakeOrder(OrderbookLogEncoder.Order(Bot, usdc, aapl), 9m, 1852.65m));
        var clear = node.Chain.SubmitClear(
            OrderbookLogEncoder.Clear(OrderbookLogEncoder.Order(Other, usdc, aapl), OrderbookLogEncoder.Order(Bot, aapl, usdc)),
            OrderbookLogEncoder.AfterClear(2m, 411.70m, 411.50m, 2m));
        clock.Advance(BlockTime);

        var logs = (await client.PostAsync("eth_getLogs", $"[{{\"address\":\"{Orderbook}\",\"fromBlock\":\"0x3e8\",\"toBlock\":\"0x3e9\",\"topics\":[[\"{OrderbookTopics.ClearV3}\",\"{OrderbookTopics.TakeOrderV3}\"]]}}]"))
            .GetProperty("result").EnumerateArray().Select(ChainLog.Read).ToList();
        var receipt = (await client.PostAsync("eth_getTransactionReceipt", $"[\"{clear}\"]")).GetProperty("result");
        var symbol = (await client.PostAsync("eth_call", $"[{{\"to\":\"{aapl}\",\"data\":\"0x95d89b41\"}},\"latest\"]")).GetProperty("result").GetString();

        logs.Select(log => (log.TransactionHash, log.LogIndex, log.BlockNumber)).ShouldBe([(take, 0L, 1001L), (clear, 1L, 1001L)]);
        OrderbookLogDecoder.DecodeTakeOrder(logs[0]).Config.Order.Owner.ShouldBe(Bot, StringCompareShould.IgnoreCase);
        var receiptLogs = receipt.GetProperty("logs").EnumerateArray().Select(ChainLog.Read).ToList();
        receiptLogs.Select(log => (log.Topic0, log.LogIndex)).ShouldBe([(OrderbookTopics.ClearV3, 1L), (OrderbookTopics.AfterClearV2, 2L)]);
        RainFloat.FromWord(OrderbookLogDecoder.DecodeAfterClear(receiptLogs[1]).ClearStateChange.BobOutput).ToDecimal(6).ShouldBe(411.70m);
        symbol.ShouldBe("0x0000000000000000000000000000000000000000000000000000000000000020"
            + "0000000000000000000000000000000000000000000000000000000000000005"
            + "744141504c000000000000000000000000000000000000000000000000000000");
    }

    [Test]
    public async Task A_subscription_is_pushed_new_logs_until_silent_then_sees_a_reorg_and_a_drop()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 6, 15, 0, 0, TimeSpan.Zero));
        await using var node = await SimulatedBaseNode.StartAsync(Orderbook, clock, BlockTime, firstBlock: 1000);
        var usdc = node.Chain.Token("USDC");
        var aapl = node.Chain.Token("tAAPL");
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(node.WebSocketUri, CancellationToken.None);
        await NodeClient.SendAsync(socket, $"{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_subscribe\",\"params\":[\"logs\",{{\"address\":\"{Orderbook}\",\"topics\":[[\"{OrderbookTopics.ClearV3}\",\"{OrderbookTopics.TakeOrderV3}\"]]}}]}}");
        var subscription = (await NodeClient.ReceiveAsync(socket, Patience))!.Value.GetProperty("result").GetString();

        var first = node.Chain.SubmitTake(OrderbookLogEncoder.TakeOrder(OrderbookLogEncoder.Order(Bot, usdc, aapl), 1m, 200m));
        clock.Advance(BlockTime);
        var pushed = (await NodeClient.ReceiveAsync(socket, Patience))!.Value.GetProperty("params");
        node.Faults.Silent = true;
        node.Chain.SubmitTake(OrderbookLogEncoder.TakeOrder(OrderbookLogEncoder.Order(Bot, usdc, aapl), 2m, 400m));
        clock.Advance(BlockTime);
        node.Faults.Silent = false;
        node.Reorg(first);
        // The next message is the reorg's: the take mined while silent was never pushed.
        var removed = (await NodeClient.ReceiveAsync(socket, Patience))!.Value.GetProperty("params").GetProperty("result");
        node.DropConnections();

        pushed.GetProperty("subscription").GetString().ShouldBe(subscription);
        ChainLog.Read(pushed.GetProperty("result")).TransactionHash.ShouldBe(first);
        socket.State.ShouldBe(WebSocketState.Open, "silence keeps the socket open");
        ChainLog.Read(removed).ShouldSatisfyAllConditions(log => log.Removed.ShouldBeTrue(), log => log.TransactionHash.ShouldBe(first));
        (await NodeClient.ReceiveAsync(socket, Patience)).ShouldBeNull();
    }

    [Test]
    public async Task A_lagging_node_reports_a_stale_tip_and_no_logs_and_failures_answer_an_error_or_garbage()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 6, 15, 0, 0, TimeSpan.Zero));
        await using var node = await SimulatedBaseNode.StartAsync(Orderbook, clock, BlockTime, firstBlock: 1000);
        using var client = new NodeClient(node.HttpUri);
        node.Chain.SubmitTake(OrderbookLogEncoder.TakeOrder(OrderbookLogEncoder.Order(Bot, node.Chain.Token("USDC"), node.Chain.Token("tAAPL")), 1m, 200m));
        clock.Advance(BlockTime * 2);
        node.Faults.LaggingTip = 1000;
        node.Faults.Fail("eth_chainId", times: 1);

        (await client.PostAsync("eth_blockNumber")).GetProperty("result").GetString().ShouldBe("0x3e8");
        (await client.PostAsync("eth_getLogs", $"[{{\"address\":\"{Orderbook}\",\"fromBlock\":\"0x3e8\",\"toBlock\":\"0x3ea\"}}]")).GetProperty("result").GetArrayLength().ShouldBe(0);
        (await client.PostAsync("eth_chainId")).GetProperty("error").GetProperty("code").GetInt32().ShouldBe(-32000);
        (await client.PostAsync("eth_chainId")).GetProperty("result").GetString().ShouldBe("0x2105");
        node.Faults.LaggingTip = null;
        (await client.PostAsync("eth_getLogs", $"[{{\"address\":\"{Orderbook}\",\"fromBlock\":\"0x3e8\",\"toBlock\":\"0x3ea\"}}]")).GetProperty("result").GetArrayLength().ShouldBe(1);
    }
}
