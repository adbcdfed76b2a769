using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TradingBot.Acceptance.Domain.Timing;

namespace TradingBot.Acceptance.Domain.Chain;

/// <summary>
/// Reads the orderbook's fills from a node over one WebSocket (DOMAIN §12.4): subscribe first, backfill from the
/// checkpoint to the confirmed tip in 1,000-block batches, then keep live logs until new heads (or the watchdog's tip)
/// give them their confirmations. A stall watchdog asks the tip every interval; when the confirmed tip has passed the
/// checkpoint and no log was pushed for 3 intervals, it backfills the gap, and when the gap held logs the subscription
/// never pushed (a silent subscription), it reconnects. Any failure reconnects after a backoff: the bot
/// never stops, and the (tx hash, log index) dedup makes every fill count once.
/// </summary>
public sealed partial class ChainReader(
    ChainReaderOptions options, ChainLogProcessor processor, ChainConnection connection, TimeProvider clock, Random random, ILogger<ChainReader> logger,
    ChainReaderWaits? waits = null, ActivitySource? tracing = null)
{
    private readonly ChainReaderWaits waits = waits ?? new ChainReaderWaits(clock);
    private int connections;
    private int stalls;

    /// <summary>How many times a connection was opened.</summary>
    public int Connections => Volatile.Read(ref connections);

    /// <summary>How many times the watchdog found the subscription silent and backfilled.</summary>
    public int Stalls => Volatile.Read(ref stalls);

    /// <summary>Whether a connection to the node is open and in use right now.</summary>
    public bool IsConnected => connection.IsOpen;

    /// <summary>The notifications the node has pushed on the open connection so far, or null when none is open.</summary>
    public long? PushesReceived => connection.PushesReceived;

    private OrderbookSettings Orderbook => options.Orderbook;

    public async Task RunAsync(CancellationToken stopping)
    {
        var backoff = new Backoff(options.ReconnectBackoffInitial, options.ReconnectBackoffMax, random);
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await ReadConnectionAsync(backoff, stopping).ConfigureAwait(false);
                continue; // the watchdog asked for a fresh subscription: reconnect at once
            }
            catch (Exception exception) when (exception is ChainRpcException or DeepReorgException && !stopping.IsCancellationRequested)
            {
                LogReconnecting(logger, exception.Message);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await waits.DelayAsync(backoff.Next(), stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task ReadConnectionAsync(Backoff backoff, CancellationToken stopping)
    {
        await using var rpc = await WebSocketJsonRpc.ConnectAsync(options.Node, clock, options.RequestTimeout, stopping).ConfigureAwait(false);
        connection.Use(rpc);
        try
        {
            // Subscribe first: nothing emitted from now on is missed while the backfill runs.
            await rpc.SubscribeLogsAsync(Orderbook.Orderbook, OrderbookTopics.Fills, stopping).ConfigureAwait(false);
            await SubscribeHeadsAsync(rpc, stopping).ConfigureAwait(false);
            Interlocked.Increment(ref connections);
            LogConnected(logger, options.Node);
            var confirmed = await rpc.BlockNumberAsync(stopping).ConfigureAwait(false) - Orderbook.RequiredConfirmations;
            await BackfillAsync(rpc, confirmed, stopping).ConfigureAwait(false);
            backoff.Reset();
            await ReadLiveAsync(rpc, stopping).ConfigureAwait(false);
        }
        finally
        {
            connection.Use(null);
        }
    }

    /// <summary>
    /// New heads release the logs they confirm at once, instead of at the next watchdog tick. A node without them
    /// is still read: the watchdog's ticks release the logs then.
    /// </summary>
    private async Task SubscribeHeadsAsync(WebSocketJsonRpc rpc, CancellationToken stopping)
    {
        try
        {
            await rpc.SubscribeHeadsAsync(stopping).ConfigureAwait(false);
        }
        catch (ChainRpcException exception) when (exception.ErrorCode is not null)
        {
            LogNoHeads(logger, exception.Message);
        }
    }

    /// <summary>
    /// Backfills from the checkpoint to <paramref name="confirmed"/>, batch by batch, each batch checked against the tip;
    /// returns how many of the logs read the subscription had not pushed (all of them without <paramref name="pushed"/>).
    /// </summary>
    private async Task<int> BackfillAsync(WebSocketJsonRpc rpc, long confirmed, CancellationToken stopping, ConfirmationBuffer? pushed = null)
    {
        var missed = 0;
        for (var from = processor.StartBlock(); from <= confirmed; from += ChainReaderOptions.BatchBlocks)
        {
            var to = Math.Min(from + ChainReaderOptions.BatchBlocks - 1, confirmed);
            var logs = await BatchAsync(rpc, from, to, stopping).ConfigureAwait(false);
            missed += logs.Count(log => log.IsPlaced && !log.Removed && pushed?.Knows(log) != true);
            await processor.ProcessAsync(logs, to, stopping).ConfigureAwait(false);
        }

        return missed;
    }

    private async Task<IReadOnlyList<ChainLog>> BatchAsync(WebSocketJsonRpc rpc, long from, long to, CancellationToken stopping)
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(120), random);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var logs = await rpc.GetLogsAsync(new LogFilter(Orderbook.Orderbook, from, to, OrderbookTopics.Fills), stopping).ConfigureAwait(false);
                var tip = await rpc.BlockNumberAsync(stopping).ConfigureAwait(false);
                if (tip >= to)
                    return logs;
                LogLagging(logger, from, to, tip);
            }
            catch (ChainRpcException exception) when (attempt < options.BackfillRetries)
            {
                LogBackfillFailed(logger, from, to, exception.Message);
            }

            if (attempt >= options.BackfillRetries)
                throw new ChainRpcException($"eth_getLogs of blocks {from}-{to} was not trustworthy after {attempt + 1} attempts");
            await waits.DelayAsync(backoff.Next(), stopping).ConfigureAwait(false);
        }
    }

    private async Task ReadLiveAsync(WebSocketJsonRpc rpc, CancellationToken stopping)
    {
        var buffer = new ConfirmationBuffer();
        var lastPush = clock.GetUtcNow();
        var nextTick = lastPush + options.WatchdogInterval;
        var head = -1L;
        Task<bool>? notified = null; // one wait for notifications at a time, kept across watchdog ticks
        while (true)
        {
            var wait = nextTick - clock.GetUtcNow();
            notified ??= rpc.Notifications.WaitToReadAsync(stopping).AsTask();
            var pushed = wait > TimeSpan.Zero && await waits.PushedWithinAsync(notified, wait, stopping).ConfigureAwait(false);
            if (pushed)
            {
                notified = null;
                if (Drain(rpc, buffer, ref head))
                    lastPush = clock.GetUtcNow(); // heads alone do not tell that the log subscription still works
                await ReleaseAsync(buffer, Math.Max(buffer.HighestSeen, head) - Orderbook.RequiredConfirmations, stopping).ConfigureAwait(false);
                continue;
            }

            if (rpc.Notifications.Completion.IsCompleted)
                throw new ChainRpcException("the node closed the subscription");
            nextTick = clock.GetUtcNow() + options.WatchdogInterval;
            var confirmed = await rpc.BlockNumberAsync(stopping).ConfigureAwait(false) - Orderbook.RequiredConfirmations;
            // What the node pushed before answering (a removed log among it) is taken in before anything is released.
            if (Drain(rpc, buffer, ref head))
                lastPush = clock.GetUtcNow();
            await ReleaseAsync(buffer, confirmed, stopping).ConfigureAwait(false);
            if (confirmed >= processor.StartBlock() && clock.GetUtcNow() - lastPush >= options.WatchdogInterval * options.QuietIntervals)
            {
                var from = processor.StartBlock();
                var missed = await BackfillAsync(rpc, confirmed, stopping, buffer).ConfigureAwait(false);
                buffer.Forget(processor.StartBlock() - 1);
                if (missed == 0)
                    continue; // the orderbook was quiet: the subscription had nothing to push, and the checkpoint moved on
                Interlocked.Increment(ref stalls);
                LogStalled(logger, from, confirmed, missed);
                return;
            }
        }
    }

    /// <summary>Takes in every waiting notification: logs into the buffer, heads into <paramref name="head"/>; whether a log came.</summary>
    private bool Drain(WebSocketJsonRpc rpc, ConfirmationBuffer buffer, ref long head)
    {
        var logs = false;
        while (rpc.Notifications.TryRead(out var push))
        {
            if (push.Log is { } log)
            {
                Take(buffer, log);
                logs = true;
            }

            head = Math.Max(head, push.Head ?? head);
        }

        return logs;
    }

    private void Take(ConfirmationBuffer buffer, ChainLog log)
    {
        if (!log.IsPlaced)
            return;
        if (!log.Removed)
        {
            buffer.Add(log);
            return;
        }

        if (!buffer.Remove(log))
            throw new DeepReorgException($"a confirmed log was removed by a reorg: {log.Where}");
        LogReorgAbsorbed(logger, log.Where);
    }

    /// <summary>Processes the buffered logs at or below the boundary; the checkpoint follows to the block before it.</summary>
    private async Task ReleaseAsync(ConfirmationBuffer buffer, long boundary, CancellationToken stopping)
    {
        var due = buffer.Release(boundary);
        if (due.Count == 0 && processor.Retrying == 0)
            return;
        var readThrough = Math.Min(boundary, buffer.HighestSeen - Orderbook.RequiredConfirmations) - 1;
        using var traced = tracing?.StartActivity("chain.release")?.AddTag("through", boundary).AddTag("logs", due.Count);
        await processor.ProcessAsync(due, Math.Max(readThrough, processor.KnownStartBlock() - 1), stopping).ConfigureAwait(false);
        buffer.Forget(processor.KnownStartBlock() - 1);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Chain node connected and subscribed: {Node}")]
    private static partial void LogConnected(ILogger logger, Uri node);

    [LoggerMessage(Level = LogLevel.Information, Message = "The node pushes no new heads ({Reason}): confirmed logs wait for the watchdog's tick")]
    private static partial void LogNoHeads(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chain reader reconnecting: {Reason}")]
    private static partial void LogReconnecting(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node lags: logs of blocks {From}-{To} asked again, its tip is {Tip}")]
    private static partial void LogLagging(ILogger logger, long from, long to, long tip);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Backfill of blocks {From}-{To} failed, asked again: {Reason}")]
    private static partial void LogBackfillFailed(ILogger logger, long from, long to, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscription silent: the backfill of blocks {From}-{To} found {Missed} logs it never pushed; reconnecting")]
    private static partial void LogStalled(ILogger logger, long from, long to, int missed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reorg absorbed, unconfirmed log dropped: {Log}")]
    private static partial void LogReorgAbsorbed(ILogger logger, string log);
}
