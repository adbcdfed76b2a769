using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TradingBot.Acceptance.Domain.Chain;
using TradingBot.Acceptance.Domain.EventSourcing;

namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>
/// The bot's chain reader as one of its tasks: it subscribes to the orderbook's logs on the node, backfills from
/// the checkpoint, decodes the confirmed logs of our orders and records them in the event queue (skipped fills and
/// dead letters beside them, the checkpoint in the same transaction), then wakes the queue processor.
/// </summary>
public sealed class ChainReaderTask : IBotTask
{
    private readonly ChainReader reader;

    public ChainReaderTask(BotOptions options, EventStoreDatabase database, BotChannels channels, BotActivity activity, TimeProvider clock, Random random, ILoggerFactory loggers,
        ActivitySource? tracing = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(channels);
        var waits = new ActivityReaderWaits(activity, clock);
        var connection = new ChainConnection();
        Symbols = new TokenSymbols(connection, waits.DelayAsync);
        var orderbook = options.Chain.Orderbook;
        Processor = new ChainLogProcessor(orderbook, new OrderbookFillReader(orderbook, connection, Symbols), database, clock, () => channels.QueueChanged.Writer.TryWrite(true));
        reader = new ChainReader(options.Chain, Processor, connection, clock, random, loggers.CreateLogger<ChainReader>(), waits, tracing);
    }

    public string Name => "chain-reader";

    /// <summary>Fills queued, skipped fills and dead letters recorded since start, and the checkpoint's rules.</summary>
    public ChainLogProcessor Processor { get; }

    /// <summary>The token symbols asked of the node (once per address).</summary>
    public TokenSymbols Symbols { get; }

    /// <summary>How many times a connection to the node was opened.</summary>
    public int Connections => reader.Connections;

    /// <summary>How many times the watchdog found the subscription silent and backfilled.</summary>
    public int Stalls => reader.Stalls;

    public bool IsConnected => reader.IsConnected;

    /// <summary>The notifications the node has pushed on the open connection so far, or null when none is open.</summary>
    public long? PushesReceived => reader.PushesReceived;

    public Task RunAsync(CancellationToken stopping, CancellationToken abort) => reader.RunAsync(stopping);
}
