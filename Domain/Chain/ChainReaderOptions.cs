namespace TradingBot.Acceptance.Domain.Chain;

/// <summary>
/// How the chain reader reaches the node and paces itself: the WebSocket endpoint, the orderbook, the stall
/// watchdog's interval (5 s; 3 quiet intervals are a stall), the request timeout and the reconnect backoff.
/// </summary>
public sealed record ChainReaderOptions(Uri Node, OrderbookSettings Orderbook)
{
    public const int BatchBlocks = 1000;

    public TimeSpan WatchdogInterval { get; init; } = TimeSpan.FromSeconds(5);

    public int QuietIntervals { get; init; } = 3;

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>First wait before reconnecting to the node; it doubles (with jitter) up to <see cref="ReconnectBackoffMax"/>.</summary>
    public TimeSpan ReconnectBackoffInitial { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectBackoffMax { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a backfill batch is asked again when the node lags or fails, before the connection is restarted.</summary>
    public int BackfillRetries { get; init; } = 15;
}
