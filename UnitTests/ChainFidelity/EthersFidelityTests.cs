using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Chain;
using TradingBot.Acceptance.Support.Chain;

namespace TradingBot.Acceptance.UnitTests.ChainFidelity;

/// <summary>
/// The simulated node read by an independent client: ethers 6.17.0 (<c>read-chain.mjs</c>, installed by
/// <c>npm ci</c> here) reads the tip, subscribes over WebSocket, reads a range with <c>getLogs</c> and decodes the
/// logs from the Solidity signatures. What it decoded must equal what the bot decodes with Nethereum.
/// </summary>
[TestFixture]
[Category("chain-fidelity")]
public sealed class EthersFidelityTests
{
    private const string Orderbook = "0xe522cb4a5fcb2eb31a52ff41a4653d85a4fd7c9d";
    private static readonly TimeSpan BlockTime = TimeSpan.FromSeconds(2);
    private static readonly string Bot = OrderbookLogEncoder.Address(0xb07);
    private static readonly string[] AfterClearFields = ["aliceOutput", "bobOutput", "aliceInput", "bobInput"];

    private static string Folder => Path.Combine(
        typeof(EthersFidelityTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == "ProjectDirectory").Value!,
        "UnitTests", "ChainFidelity");

    [Test]
    public async Task Ethers_reads_the_same_logs_values_and_topics_as_the_bot()
    {
        if (!Directory.Exists(Path.Combine(Folder, "node_modules", "ethers")))
            Assert.Fail($"ethers is not installed: run 'npm ci' in {Folder} (scripts/setup does).");
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 6, 15, 0, 0, TimeSpan.Zero));
        await using var node = await SimulatedBaseNode.StartAsync(Orderbook, clock, BlockTime, firstBlock: 1000);
        var (usdc, aapl, other) = (node.Chain.Token("USDC"), node.Chain.Token("tAAPL"), OrderbookLogEncoder.Address(0x0e1));
        node.Chain.SubmitTake(OrderbookLogEncoder.TakeOrder(OrderbookLogEncoder.Order(Bot, usdc, aapl), 9m, 1852.65m));
        node.Chain.SubmitClear(
            OrderbookLogEncoder.Clear(OrderbookLogEncoder.Order(other, usdc, aapl), OrderbookLogEncoder.Order(Bot, aapl, usdc)),
            OrderbookLogEncoder.AfterClear(2m, 411.70m, 411.50m, 2m));
        clock.Advance(BlockTime);

        using var ethers = Start(node.WebSocketUri, 1000, 1001);
        var ready = await LineAsync(ethers, "ready");
        await WhenAsync(() => node.Subscriptions > 0);
        var live = node.Chain.SubmitTake(OrderbookLogEncoder.TakeOrder(OrderbookLogEncoder.Order(Bot, usdc, aapl), 1.5m, 300.123456789m));
        clock.Advance(BlockTime);
        var result = await LineAsync(ethers, "result");

        ready.GetProperty("blockNumber").GetInt64().ShouldBe(1001);
        result.GetProperty("live").GetProperty("tx").GetString().ShouldBe(live);
        var topics = result.GetProperty("topics");
        (topics.GetProperty("ClearV3").GetString(), topics.GetProperty("TakeOrderV3").GetString(), topics.GetProperty("AfterClearV2").GetString())
            .ShouldBe((OrderbookTopics.ClearV3, OrderbookTopics.TakeOrderV3, OrderbookTopics.AfterClearV2));
        var decoded = result.GetProperty("decoded").EnumerateArray().ToList();
        var logs = node.Chain.Logs(Orderbook, 1000, 1001, OrderbookTopics.Fills.ToList());
        decoded.Select(Position).ShouldBe(logs.Select(log => (log.TransactionHash!, log.LogIndex!.Value, log.BlockNumber!.Value)));
        ShouldAgreeOnTheTake(decoded[0], OrderbookLogDecoder.DecodeTakeOrder(logs[0]));
        ShouldAgreeOnTheClear(decoded[1], OrderbookLogDecoder.DecodeClear(logs[1]), node.Chain.Transaction(logs[1].TransactionHash!)!.Value.Logs);
        var (take, clear) = await TheBotsFillsAsync(node, clock);
        (take.Amount, take.UsdcAmount).ShouldBe((Value(decoded[0], "input", 18), Value(decoded[0], "output", 6)));
        (clear.Amount, clear.UsdcAmount).ShouldBe((Value(decoded[1], "bobInput", 18), Value(decoded[1], "bobOutput", 6)));
    }

    /// <summary>The two fills as the bot reads them over its own JSON-RPC client: logs, AfterClearV2, symbols.</summary>
    private static async Task<(DecodedFill Take, DecodedFill Clear)> TheBotsFillsAsync(SimulatedBaseNode node, TimeProvider clock)
    {
        await using var rpc = await WebSocketJsonRpc.ConnectAsync(node.WebSocketUri, clock, TimeSpan.FromSeconds(30), CancellationToken.None);
        var settings = new OrderbookSettings(Orderbook, Bot, 1000, 0);
        var reader = new OrderbookFillReader(settings, rpc, new TokenSymbols(rpc, (_, _) => Task.CompletedTask));
        var logs = await rpc.GetLogsAsync(new LogFilter(Orderbook, 1000, 1001, OrderbookTopics.Fills), CancellationToken.None);
        var fills = new List<DecodedFill>();
        foreach (var log in logs)
            fills.Add((await reader.ReadAsync(log, CancellationToken.None)).ShouldBeOfType<LogReading.Filled>().Fill);
        return (fills[0], fills[1]);
    }

    private static void ShouldAgreeOnTheTake(JsonElement ethers, Domain.Chain.Abi.TakeOrderV3Event ours)
    {
        var order = ours.Config.Order;
        Side(ethers).ShouldBe((order.Owner.ToLowerInvariant(), order.ValidInputs[0].Token.ToLowerInvariant(), order.ValidOutputs[0].Token.ToLowerInvariant()));
        Word(ethers, "input").ShouldBe(HexQuantity.Data(ours.Input));
        Word(ethers, "output").ShouldBe(HexQuantity.Data(ours.Output));
        (Value(ethers, "input", 18), Value(ethers, "output", 6)).ShouldBe((9m, 1852.65m));
    }

    private static void ShouldAgreeOnTheClear(JsonElement ethers, Domain.Chain.Abi.ClearV3Event ours, IReadOnlyList<ChainLog> transaction)
    {
        Side(ethers.GetProperty("alice")).ShouldBe((ours.Alice.Owner.ToLowerInvariant(), ours.Alice.ValidInputs[0].Token.ToLowerInvariant(), ours.Alice.ValidOutputs[0].Token.ToLowerInvariant()));
        Side(ethers.GetProperty("bob")).ShouldBe((ours.Bob.Owner.ToLowerInvariant(), ours.Bob.ValidInputs[0].Token.ToLowerInvariant(), ours.Bob.ValidOutputs[0].Token.ToLowerInvariant()));
        var change = OrderbookLogDecoder.DecodeAfterClear(transaction.Single(OrderbookLogDecoder.IsAfterClear)).ClearStateChange;
        AfterClearFields.Select(name => Word(ethers, name))
            .ShouldBe(new[] { change.AliceOutput, change.BobOutput, change.AliceInput, change.BobInput }.Select(word => HexQuantity.Data(word)));
        (Value(ethers, "bobInput", 18), Value(ethers, "bobOutput", 6)).ShouldBe((2m, 411.70m));
    }

    private static (string Tx, long LogIndex, long Block) Position(JsonElement log) =>
        (log.GetProperty("tx").GetString()!, log.GetProperty("logIndex").GetInt64(), log.GetProperty("block").GetInt64());

    private static (string Owner, string Input, string Output) Side(JsonElement side) =>
        (side.GetProperty("owner").GetString()!, side.GetProperty("inputToken").GetString()!, side.GetProperty("outputToken").GetString()!);

    private static string Word(JsonElement log, string name) => log.GetProperty(name).GetString()!;

    private static decimal Value(JsonElement log, string name, int decimals) => RainFloat.FromWord(HexQuantity.ParseData(Word(log, name))).ToDecimal(decimals);

    private static Process Start(Uri node, long from, long to)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "read-chain.mjs", node.ToString(), Orderbook, from.ToString(System.Globalization.CultureInfo.InvariantCulture), to.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(argument);
        return Process.Start(start) ?? throw new InvalidOperationException("node did not start");
    }

    /// <summary>The script's next JSON line, which must carry <paramref name="property"/>; its errors when it ends without one.</summary>
    private static async Task<JsonElement> LineAsync(Process ethers, string property)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var line = await ethers.StandardOutput.ReadLineAsync(patience.Token);
        if (line is null)
            Assert.Fail($"read-chain.mjs ended without '{property}': {await ethers.StandardError.ReadToEndAsync(patience.Token)}");
        return JsonDocument.Parse(line!).RootElement.GetProperty(property).Clone();
    }

    /// <summary>Waits, in real time, for the script's subscription to reach the node.</summary>
    private static async Task WhenAsync(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            deadline.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30), "ethers never subscribed");
            await Task.Delay(10);
        }
    }
}
