using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace TradingBot.Acceptance.Domain.Chain;

/// <summary>
/// Ethereum JSON-RPC 2.0 over one <see cref="ClientWebSocket"/>: requests are matched to answers by id, and
/// <c>eth_subscription</c> notifications are read from <see cref="Notifications"/>. An error object, an answer that
/// is not JSON-RPC, a lost socket or a request unanswered within the timeout throws <see cref="ChainRpcException"/>.
/// </summary>
public sealed class WebSocketJsonRpc : IChainRpc, IAsyncDisposable
{
    private readonly ClientWebSocket socket = new();
    private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonElement>> waiting = new();
    private readonly Channel<NodePush> notifications = Channel.CreateUnbounded<NodePush>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim sending = new(1, 1);
    private readonly CancellationTokenSource closing = new();
    private readonly TimeProvider clock;
    private readonly TimeSpan timeout;
    private Task receiving = Task.CompletedTask;
    private long ids;
    private long pushes;

    private WebSocketJsonRpc(TimeProvider clock, TimeSpan timeout)
    {
        this.clock = clock;
        this.timeout = timeout;
    }

    /// <summary>The logs and new heads pushed to this connection's subscriptions; completes when the socket is lost.</summary>
    public ChannelReader<NodePush> Notifications => notifications.Reader;

    /// <summary>How many subscription notifications arrived on this connection, readable or not.</summary>
    public long PushesReceived => Interlocked.Read(ref pushes);

    public static async Task<WebSocketJsonRpc> ConnectAsync(Uri node, TimeProvider clock, TimeSpan timeout, CancellationToken cancellation)
    {
        var rpc = new WebSocketJsonRpc(clock, timeout);
        try
        {
            await rpc.socket.ConnectAsync(node, cancellation).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or HttpRequestException or IOException)
        {
            await rpc.DisposeAsync().ConfigureAwait(false);
            throw new ChainRpcException($"cannot connect to the node: {exception.Message}", exception);
        }

        rpc.receiving = Task.Run(rpc.ReceiveAsync, CancellationToken.None);
        return rpc;
    }

    /// <summary><c>eth_subscribe("logs", {address, topics: [[topic0s]]})</c>: the subscription id.</summary>
    public async Task<string> SubscribeLogsAsync(string address, IReadOnlyList<string> topic0s, CancellationToken cancellation)
    {
        var result = await RequestAsync("eth_subscribe", writer =>
        {
            writer.WriteStringValue("logs");
            WriteFilter(writer, address, topic0s, null);
        }, cancellation).ConfigureAwait(false);
        return result.ValueKind == JsonValueKind.String ? result.GetString()! : throw Garbage("eth_subscribe", result);
    }

    /// <summary><c>eth_subscribe("newHeads")</c>: the subscription id; each new block's number is pushed.</summary>
    public async Task<string> SubscribeHeadsAsync(CancellationToken cancellation)
    {
        var result = await RequestAsync("eth_subscribe", writer => writer.WriteStringValue("newHeads"), cancellation).ConfigureAwait(false);
        return result.ValueKind == JsonValueKind.String ? result.GetString()! : throw Garbage("eth_subscribe", result);
    }

    public async Task<long> BlockNumberAsync(CancellationToken cancellation) =>
        Quantity("eth_blockNumber", await RequestAsync("eth_blockNumber", _ => { }, cancellation).ConfigureAwait(false));

    public async Task<IReadOnlyList<ChainLog>> GetLogsAsync(LogFilter filter, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var result = await RequestAsync("eth_getLogs", writer => WriteFilter(writer, filter.Address, filter.Topic0s, filter), cancellation).ConfigureAwait(false);
        return Logs("eth_getLogs", result);
    }

    public async Task<byte[]> CallAsync(string contract, byte[] data, CancellationToken cancellation)
    {
        var result = await RequestAsync("eth_call", writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("to", contract);
            writer.WriteString("data", HexQuantity.Data(data));
            writer.WriteEndObject();
            writer.WriteStringValue("latest");
        }, cancellation).ConfigureAwait(false);
        return Read("eth_call", result, value => HexQuantity.ParseData(value.GetString()));
    }

    public async Task<long?> BlockTimestampAsync(long blockNumber, CancellationToken cancellation)
    {
        var result = await RequestAsync("eth_getBlockByNumber", writer =>
        {
            writer.WriteStringValue(HexQuantity.Format(blockNumber));
            writer.WriteBooleanValue(false);
        }, cancellation).ConfigureAwait(false);
        return result.ValueKind == JsonValueKind.Null ? null : Read("eth_getBlockByNumber", result, block => HexQuantity.Parse(block.GetProperty("timestamp").GetString()));
    }

    public async Task<IReadOnlyList<ChainLog>?> ReceiptLogsAsync(string transactionHash, CancellationToken cancellation)
    {
        var result = await RequestAsync("eth_getTransactionReceipt", writer => writer.WriteStringValue(transactionHash), cancellation).ConfigureAwait(false);
        return result.ValueKind == JsonValueKind.Null ? null : Logs("eth_getTransactionReceipt", result.TryGetProperty("logs", out var logs) ? logs : default);
    }

    public async ValueTask DisposeAsync()
    {
        await closing.CancelAsync().ConfigureAwait(false);
        socket.Abort();
        await receiving.ConfigureAwait(false);
        socket.Dispose();
        sending.Dispose();
        closing.Dispose();
    }

    private async Task<JsonElement> RequestAsync(string method, Action<Utf8JsonWriter> parameters, CancellationToken cancellation)
    {
        var id = Interlocked.Increment(ref ids);
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        waiting[id] = answer;
        try
        {
            var request = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(request))
            {
                writer.WriteStartObject();
                writer.WriteString("jsonrpc", "2.0");
                writer.WriteNumber("id", id);
                writer.WriteString("method", method);
                writer.WriteStartArray("params");
                parameters(writer);
                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            await sending.WaitAsync(cancellation).ConfigureAwait(false);
            try
            {
                await socket.SendAsync(request.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, cancellation).ConfigureAwait(false);
            }
            finally
            {
                sending.Release();
            }

            return await answer.Task.WaitAsync(timeout, clock, cancellation).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            throw new ChainRpcException($"{method}: the connection to the node is lost ({exception.Message})", exception);
        }
        catch (TimeoutException exception)
        {
            throw new ChainRpcException($"{method}: no answer within {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s", exception);
        }
        catch (ChainRpcException exception)
        {
            throw new ChainRpcException($"{method}: {exception.Message}", exception);
        }
        finally
        {
            waiting.TryRemove(id, out _);
        }
    }

    private async Task ReceiveAsync()
    {
        var message = new ArrayBufferWriter<byte>();
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(message.GetMemory(8192), closing.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                    break;
                message.Advance(result.Count);
                if (!result.EndOfMessage)
                    continue;
                Route(message.WrittenMemory);
                message.ResetWrittenCount();
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Lost or closed: every waiting request fails below, and the reader sees the notifications end.
        }

        notifications.Writer.TryComplete();
        foreach (var answer in waiting.Values)
            answer.TrySetException(new ChainRpcException("the connection to the node is lost"));
    }

    // The message is read where it was received, and only an answer's result is copied out of it: a pushed log, most
    // of what a busy node sends, is read into a ChainLog at once, so its JSON (kilobytes of hex) is never copied.
    private void Route(ReadOnlyMemory<byte> message)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(message);
        }
        catch (JsonException exception)
        {
            // An answer that is not JSON cannot be matched to its request: every waiting one is failed and retried.
            foreach (var answer in waiting.Values)
                answer.TrySetException(new ChainRpcException($"the node answered something that is not JSON ({exception.Message})"));
            return;
        }

        using (document)
            Route(document.RootElement);
    }

    private void Route(JsonElement body)
    {
        if (body.TryGetProperty("method", out var method) && method.ValueEquals("eth_subscription"))
        {
            Interlocked.Increment(ref pushes); // counted before the reader can see it: whoever compares counts never misses one in the channel
            try
            {
                var pushed = body.GetProperty("params").GetProperty("result");
                notifications.Writer.TryWrite(pushed.TryGetProperty("topics", out _)
                    ? new NodePush(ChainLog.Read(pushed), null)
                    : new NodePush(null, HexQuantity.Parse(pushed.GetProperty("number").GetString())));
            }
            catch (Exception exception) when (exception is FormatException or KeyNotFoundException or InvalidOperationException)
            {
                // A pushed log that cannot be read is not acted on: the watchdog's backfill reads the block again.
            }

            return;
        }

        if (!body.TryGetProperty("id", out var id) || !id.TryGetInt64(out var number) || !waiting.TryGetValue(number, out var waiter))
            return;
        if (body.TryGetProperty("error", out var error))
            waiter.TrySetException(new ChainRpcException($"error {Describe(error)}") { ErrorCode = error.TryGetProperty("code", out var code) && code.TryGetInt32(out var value) ? value : 0 });
        else if (body.TryGetProperty("result", out var result))
            waiter.TrySetResult(result.Clone());
        else
            waiter.TrySetException(new ChainRpcException("an answer without result or error"));
    }

    private static void WriteFilter(Utf8JsonWriter writer, string address, IReadOnlyList<string> topic0s, LogFilter? range)
    {
        writer.WriteStartObject();
        writer.WriteString("address", address);
        if (range is not null)
        {
            writer.WriteString("fromBlock", HexQuantity.Format(range.FromBlock));
            writer.WriteString("toBlock", HexQuantity.Format(range.ToBlock));
        }

        writer.WriteStartArray("topics");
        writer.WriteStartArray();
        foreach (var topic in topic0s)
            writer.WriteStringValue(topic);
        writer.WriteEndArray();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static IReadOnlyList<ChainLog> Logs(string method, JsonElement result) =>
        Read(method, result, array => (IReadOnlyList<ChainLog>)[.. array.EnumerateArray().Select(ChainLog.Read)]);

    private static long Quantity(string method, JsonElement result) => Read(method, result, value => HexQuantity.Parse(value.GetString()));

    private static T Read<T>(string method, JsonElement result, Func<JsonElement, T> read)
    {
        try
        {
            return read(result);
        }
        catch (Exception exception) when (exception is FormatException or InvalidOperationException or KeyNotFoundException)
        {
            throw Garbage(method, result, exception);
        }
    }

    private static ChainRpcException Garbage(string method, JsonElement result, Exception? cause = null)
    {
        var text = result.ValueKind == JsonValueKind.Undefined ? "nothing" : result.GetRawText();
        var message = $"{method}: the node answered {(text.Length > 120 ? text[..120] + "…" : text)}";
        return cause is null ? new ChainRpcException(message) : new ChainRpcException(message, cause);
    }

    private static string Describe(JsonElement error) =>
        error.ValueKind == JsonValueKind.Object && error.TryGetProperty("code", out var code) && error.TryGetProperty("message", out var text)
            ? $"{code.GetRawText()}: {text.GetString()}"
            : error.GetRawText();
}
