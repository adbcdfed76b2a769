using System.Buffers;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Timing;

namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>
/// Subscribes to the chain's WebSocket feed of fills and hands each fill to the event queue writer.
/// When the feed drops or refuses, it reconnects after an exponential backoff with jitter on the clock,
/// asking the feed to replay from the last processed block: the event queue's <c>(tx_hash, log_index)</c>
/// dedup makes a replayed fill count once.
/// </summary>
public sealed partial class ChainEventReceiver(
    BotOptions options, EventStoreDatabase database, BotChannels channels, BotActivity activity, Random random, ILogger<ChainEventReceiver> logger) : IBotTask
{
    private int connections;
    private volatile bool connected;

    public string Name => "chain-event-receiver";

    /// <summary>How many times the feed was connected.</summary>
    public int Connections => Volatile.Read(ref connections);

    /// <summary>Whether the feed is connected right now (a drop is noticed when the next read fails).</summary>
    public bool IsConnected => connected;

    public async Task RunAsync(CancellationToken stopping, CancellationToken abort)
    {
        var backoff = new Backoff(options.ReconnectBackoffInitial, options.ReconnectBackoffMax, random);
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await ReceiveAsync(ResumeUri(), backoff, stopping).ConfigureAwait(false);
                LogClosed(logger);
            }
            catch (Exception exception) when (exception is WebSocketException or HttpRequestException or IOException && !stopping.IsCancellationRequested)
            {
                LogDisconnected(logger, exception.Message);
            }

            await activity.IdleForAsync(backoff.Next(), stopping).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The feed replays from the last processed block itself, not the one after: fills of that block
    /// may not all have arrived before the drop, and the queue drops the ones it already holds.
    /// </summary>
    public Uri ResumeUri()
    {
        long? last;
        using (var read = database.BeginRead())
            last = read.EventQueue.LastProcessedBlock();
        var from = last ?? options.DeploymentBlock;
        var separator = string.IsNullOrEmpty(options.ChainFeed.Query) ? "?" : "&";
        return new Uri(string.Create(CultureInfo.InvariantCulture, $"{options.ChainFeed}{separator}from_block={from}"));
    }

    private async Task ReceiveAsync(Uri feed, Backoff backoff, CancellationToken stopping)
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(feed, stopping).ConfigureAwait(false);
        Interlocked.Increment(ref connections);
        backoff.Reset();
        LogConnected(logger, feed);
        connected = true;
        try
        {
            await ReceiveMessagesAsync(socket, stopping).ConfigureAwait(false);
        }
        finally
        {
            connected = false;
        }
    }

    private async Task ReceiveMessagesAsync(ClientWebSocket socket, CancellationToken stopping)
    {
        var message = new ArrayBufferWriter<byte>();
        while (true)
        {
            var result = await activity.IdleWhileAsync(() => socket.ReceiveAsync(message.GetMemory(4096), stopping).AsTask()).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
                return;
            message.Advance(result.Count);
            if (!result.EndOfMessage)
                continue;
            await HandOverAsync(message.WrittenSpan.ToArray(), stopping).ConfigureAwait(false);
            message.Clear();
        }
    }

    private async Task HandOverAsync(byte[] message, CancellationToken stopping)
    {
        ChainEvent fill;
        try
        {
            fill = ChainFillMessage.Read(message);
        }
        catch (Exception exception) when (exception is JsonException or FormatException or ArgumentException or OverflowException or InvalidOperationException)
        {
            LogUnreadable(logger, exception.Message);
            return;
        }

        // Bounded: when the writer falls behind, the receiver stops reading and the socket pushes back.
        await channels.ReceivedFills.Writer.WriteAsync(fill, stopping).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Chain feed connected: {Feed}")]
    private static partial void LogConnected(ILogger logger, Uri feed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chain feed closed by the server")]
    private static partial void LogClosed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chain feed lost: {Reason}")]
    private static partial void LogDisconnected(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chain feed message skipped, not a fill: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string reason);
}
