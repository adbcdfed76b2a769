using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TradingBot.Acceptance.Domain.Chain;
using TradingBot.Acceptance.Domain.Chain.Abi;

namespace TradingBot.Acceptance.Support.Chain;

/// <summary>
/// The state of a simulated Base chain: blocks mined on the scenario's clock, the orderbook's transactions waiting
/// for the next block, ERC-20 symbols. Log indices increase within a block; a clear's ClearV3 and AfterClearV2
/// share a transaction with consecutive indices. Thread-safe: the node's connections read it while a test writes.
/// </summary>
public sealed class SimulatedChain
{
    private readonly Lock gate = new();
    private readonly List<SimulatedBlock> blocks = [];
    private readonly List<(string TxHash, List<(string Topic, string Data)> Logs)> pending = [];
    private readonly Dictionary<string, string> symbols = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SimulatedBlock> mined = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider clock;
    private long transactions;

    public SimulatedChain(string orderbook, TimeProvider clock, TimeSpan blockTime, long firstBlock)
    {
        Orderbook = orderbook.ToLowerInvariant();
        this.clock = clock;
        BlockTime = blockTime;
        Genesis = clock.GetUtcNow();
        FirstBlock = firstBlock;
        blocks.Add(NewBlock(firstBlock, "0x" + new string('0', 64), []));
    }

    public string Orderbook { get; }

    public TimeSpan BlockTime { get; }

    public DateTimeOffset Genesis { get; }

    /// <summary>The block mined at <see cref="Genesis"/>; the node may since have forgotten it (<see cref="KeepBlocks"/>).</summary>
    public long FirstBlock { get; }

    /// <summary>
    /// How many of the latest blocks the node keeps, as a pruned node does (older ones are forgotten with their logs);
    /// all of them by default. A long run sets it so that the node's memory does not grow with the chain.
    /// </summary>
    public int KeepBlocks { get; set; } = int.MaxValue;

    public long Tip
    {
        get
        {
            lock (gate)
                return blocks[^1].Number;
        }
    }

    /// <summary>The address of an ERC-20 whose <c>symbol()</c> answers <paramref name="symbol"/> (one per symbol).</summary>
    public string Token(string symbol)
    {
        var address = TokenAddress(symbol);
        lock (gate)
            symbols[address] = symbol;
        return address;
    }

    /// <summary>
    /// The address <see cref="Token"/> gives <paramref name="symbol"/> on every simulated chain, without deploying it:
    /// a bot in another process than the node knows its tokens ahead by it.
    /// </summary>
    public static string TokenAddress(string symbol) =>
        "0x" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("token:" + symbol)))[..40];

    public string? SymbolOf(string token)
    {
        lock (gate)
            return symbols.GetValueOrDefault(token);
    }

    /// <summary>Queues a <c>takeOrders</c> transaction for the next block; returns its hash.</summary>
    public string SubmitTake(TakeOrderV3Event take) => Submit((OrderbookTopics.TakeOrderV3, OrderbookLogEncoder.Data(take)));

    /// <summary>Queues a <c>clear3</c> transaction (ClearV3 then AfterClearV2) for the next block; returns its hash.</summary>
    public string SubmitClear(ClearV3Event clear, AfterClearV2Event after) =>
        Submit((OrderbookTopics.ClearV3, OrderbookLogEncoder.Data(clear)), (OrderbookTopics.AfterClearV2, OrderbookLogEncoder.Data(after)));

    /// <summary>Queues a transaction with logs as given, for logs the orderbook would never emit (garbage data).</summary>
    public string Submit(params (string Topic, string Data)[] logs)
    {
        lock (gate)
        {
            var hash = Hash("tx", ++transactions);
            pending.Add((hash, [.. logs]));
            return hash;
        }
    }

    /// <summary>Mines every block the clock says is due (one per block time since genesis); returns their new logs in order.</summary>
    public IReadOnlyList<ChainLog> MineDue()
    {
        var mined = new List<ChainLog>();
        lock (gate)
        {
            var due = FirstBlock + (long)((clock.GetUtcNow() - Genesis) / BlockTime);
            while (blocks[^1].Number < due)
                mined.AddRange(MineOne());
        }

        return mined;
    }

    /// <summary>Takes a transaction's logs back out of its block, as a reorg does; returns them flagged <c>removed</c>.</summary>
    public IReadOnlyList<ChainLog> Reorg(string txHash)
    {
        lock (gate)
        {
            var removed = new List<ChainLog>();
            foreach (var block in blocks)
            {
                removed.AddRange(block.Logs.Where(log => log.TransactionHash == txHash).Select(log => log with { Removed = true }));
                block.Logs.RemoveAll(log => log.TransactionHash == txHash);
            }

            mined.Remove(txHash);

            return removed;
        }
    }

    public IReadOnlyList<ChainLog> Logs(string? address, long from, long to, IReadOnlyCollection<string>? topic0s)
    {
        lock (gate)
        {
            return [.. blocks.Where(block => block.Number >= from && block.Number <= to).SelectMany(block => block.Logs)
                .Where(log => (address is null || ChainAddress.AreEqual(address, log.Address))
                    && (topic0s is null || topic0s.Count == 0 || topic0s.Contains(log.Topic0!, StringComparer.OrdinalIgnoreCase)))];
        }
    }

    public SimulatedBlock? Block(long number)
    {
        lock (gate)
        {
            var index = number - blocks[0].Number; // the blocks are consecutive from the first
            return index >= 0 && index < blocks.Count ? blocks[(int)index] : null;
        }
    }

    /// <summary>The block and logs of a transaction, or null when no block holds it.</summary>
    public (SimulatedBlock Block, IReadOnlyList<ChainLog> Logs)? Transaction(string txHash)
    {
        lock (gate)
        {
            var block = mined.GetValueOrDefault(txHash);
            return block is null ? null : (block, [.. block.Logs.Where(log => string.Equals(log.TransactionHash, txHash, StringComparison.OrdinalIgnoreCase))]);
        }
    }

    private List<ChainLog> MineOne()
    {
        var number = blocks[^1].Number + 1;
        var block = NewBlock(number, blocks[^1].Hash, []);
        long logIndex = 0;
        for (var index = 0; index < pending.Count; index++)
        {
            foreach (var (topic, data) in pending[index].Logs)
            {
                block.Logs.Add(new ChainLog(
                    Orderbook, [topic], data, number, block.Hash, pending[index].TxHash, index, logIndex++, Removed: false, block.Timestamp));
            }

            if (pending[index].Logs.Count > 0)
                mined[pending[index].TxHash] = block;
        }

        pending.Clear();
        blocks.Add(block);
        while (blocks.Count > Math.Max(1, KeepBlocks))
        {
            foreach (var log in blocks[0].Logs)
                mined.Remove(log.TransactionHash!);
            blocks.RemoveAt(0);
        }

        return [.. block.Logs];
    }

    private SimulatedBlock NewBlock(long number, string parentHash, List<ChainLog> logs) =>
        new(number, Hash("block", number), parentHash, Genesis.Add(BlockTime * (number - FirstBlock)).ToUnixTimeSeconds(), logs);

    private static string Hash(string kind, long number) =>
        "0x" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{kind}:{number}"))));
}
