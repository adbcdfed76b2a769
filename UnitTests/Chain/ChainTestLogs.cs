using Moq;
using Nethereum.ABI;
using TradingBot.Acceptance.Domain.Chain;
using TradingBot.Acceptance.Support.Chain;

namespace TradingBot.Acceptance.UnitTests.Chain;

/// <summary>The addresses, symbols and logs the decoding tests share, and a node (Moq) that knows the tokens.</summary>
internal static class ChainTestLogs
{
    public const string Usdc = "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913";
    public const string Orderbook = "0xe522cB4a5fCb2eb31a52Ff41a4653d85A4fd7C9D";
    public static readonly string Bot = OrderbookLogEncoder.Address(0xb07);
    public static readonly string Other = OrderbookLogEncoder.Address(0x0e1);
    public static readonly string Aapl = OrderbookLogEncoder.Address(0xaa);
    public static readonly string Msft = OrderbookLogEncoder.Address(0xab);
    public static readonly string Weth = OrderbookLogEncoder.Address(0xee);
    public static readonly string Tx = "0x" + new string('c', 64);
    public static readonly OrderbookSettings Settings = new(Orderbook, Bot.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal), 100, 3);

    public static ChainLog Log(string topic, string data, long logIndex, long block = 120, string? tx = null, string address = Orderbook) =>
        new(address, [topic], data, block, "0x" + new string('b', 64), tx ?? Tx, 0, logIndex, Removed: false, BlockTimestamp: 1_736_175_600);

    public static Mock<IChainRpc> Node()
    {
        var node = new Mock<IChainRpc>(MockBehavior.Strict);
        Symbol(node, Usdc, "USDC");
        Symbol(node, Aapl, "tAAPL");
        Symbol(node, Msft, "tMSFT");
        Symbol(node, Weth, "WETH");
        return node;
    }

    public static void Symbol(Mock<IChainRpc> node, string token, string symbol) =>
        node.Setup(rpc => rpc.CallAsync(It.Is<string>(to => ChainAddress.AreEqual(to, token)), TokenSymbols.SymbolSelector, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ABIEncode().GetABIEncoded(new ABIValue("string", symbol)));

    /// <summary>How many <c>symbol()</c> calls went to <paramref name="token"/>.</summary>
    public static int SymbolCalls(Mock<IChainRpc> node, string token) =>
        node.Invocations.Count(call => call.Method.Name == nameof(IChainRpc.CallAsync) && ChainAddress.AreEqual((string)call.Arguments[0], token));

    public static OrderbookFillReader Reader(Mock<IChainRpc> node) =>
        new(Settings, node.Object, new TokenSymbols(node.Object, (_, _) => Task.CompletedTask));
}
