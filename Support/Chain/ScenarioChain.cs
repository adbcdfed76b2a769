using TradingBot.Acceptance.Domain.Chain;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Support.Parameters;
using TradingBot.Acceptance.Support.Drivers;

namespace TradingBot.Acceptance.Support.Chain;

/// <summary>
/// The chain of an <c>@e2e</c> scenario: a simulated Base node on the scenario's clock (a block every second)
/// with the orderbook, and the trades the scenario put on it, so that a driver knows which fills the bot must
/// record. Fills the bot must not record (another owner's, a pair it does not hedge, a log taken back by a reorg)
/// are kept apart.
/// </summary>
public sealed class ScenarioChain : IAsyncDisposable
{
    public const string Orderbook = "0xe522cb4a5fcb2eb31a52ff41a4653d85a4fd7c9d";
    public const int RequiredConfirmations = 3;
    public static readonly TimeSpan BlockTime = TimeSpan.FromSeconds(1);
    public static readonly string BotOwner = OrderbookLogEncoder.Address(0xb07);

    /// <summary>The price of a burst's fills; what the bot hedges does not depend on it.</summary>
    private const decimal BurstPrice = 100m;

    private readonly Lock gate = new();
    private readonly List<string> hedgeable = [];

    private ScenarioChain(SimulatedBaseNode node)
    {
        Node = node;
        Trades = new ChainTrades(node.Chain, BotOwner);
    }

    public SimulatedBaseNode Node { get; }

    public ChainTrades Trades { get; }

    /// <summary>The transactions of fills of the bot's orders that it must record and hedge, in order.</summary>
    public IReadOnlyList<string> HedgeableFills
    {
        get
        {
            lock (gate)
                return [.. hedgeable];
        }
    }

    /// <summary>Starts the node with its first block <paramref name="blocksBeforeStart"/> blocks after the deployment block.</summary>
    public static async Task<ScenarioChain> StartAsync(TimeProvider clock, long deploymentBlock, int blocksBeforeStart = 20, TimeSpan? blockTime = null) =>
        new(await SimulatedBaseNode.StartAsync(Orderbook, clock, blockTime ?? BlockTime, deploymentBlock + blocksBeforeStart).ConfigureAwait(false));

    /// <summary>Where the bot reads this chain; without confirmations a fill is read in the block that mines it.</summary>
    public ChainReaderOptions ReaderOptions(long deploymentBlock, int requiredConfirmations = RequiredConfirmations) =>
        new(Node.WebSocketUri, new OrderbookSettings(Orderbook, BotOwner, deploymentBlock, requiredConfirmations));

    /// <summary>A taker takes the bot's order for <paramref name="shares"/> at <paramref name="price"/> (one transaction).</summary>
    public string Take(TokenizedEquity token, Direction botSide, decimal shares, decimal price) =>
        Hedgeable(Trades.Take(token.ToString(), botSide, shares, price));

    /// <summary>Every row of <paramref name="round"/>, <paramref name="rounds"/> times, each a take of the bot's order in the next block.</summary>
    public IReadOnlyList<string> Report(IReadOnlyList<ChainFillOrder> round, int rounds) =>
        [.. Enumerable.Range(0, rounds).SelectMany(_ => round).Select(fill => Take(fill.Token, fill.Side, fill.Quantity, BurstPrice))];

    /// <summary>The bot's order is cleared against another owner's, the bot as alice or bob.</summary>
    public string Clear(TokenizedEquity token, Direction botSide, decimal shares, decimal price, bool botIsAlice) =>
        Hedgeable(Trades.Clear(token.ToString(), botSide, shares, price, botIsAlice));

    /// <summary>A fill of the bot's order giving <paramref name="given"/> <paramref name="gives"/> for <paramref name="received"/> <paramref name="receives"/>: not hedged.</summary>
    public string TakePair(string gives, decimal given, string receives, decimal received) => Trades.TakePair(gives, given, receives, received);

    /// <summary>Takes a transaction's logs back before it is confirmed: the fill no longer counts.</summary>
    public void Reorg(string txHash)
    {
        Node.Reorg(txHash);
        lock (gate)
            hedgeable.Remove(txHash);
    }

    public ValueTask DisposeAsync() => Node.DisposeAsync();

    private string Hedgeable(string txHash)
    {
        lock (gate)
            hedgeable.Add(txHash);
        return txHash;
    }
}
