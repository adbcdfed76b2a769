using System.Buffers;
using System.Text;
using System.Text.Json;
using Nethereum.ABI;
using TradingBot.Acceptance.Domain.Chain;

namespace TradingBot.Acceptance.Support.Chain;

/// <summary>
/// Answers the JSON-RPC 2.0 methods of DOMAIN §12.5 from a <see cref="SimulatedChain"/>; unknown methods answer
/// <c>-32601</c>, bad parameters <c>-32602</c>. Subscriptions need a WebSocket connection.
/// </summary>
public sealed class SimulatedNodeRpc(SimulatedChain chain, NodeFaults faults)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> calls = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, long> backfillStarts = new();
    private long subscriptions;

    /// <summary>The first block of the first <c>eth_getLogs</c> of ClearV3/TakeOrderV3 logs each WebSocket connection asked for.</summary>
    public IReadOnlyDictionary<int, long> BackfillStarts => backfillStarts;

    /// <summary>How many times <paramref name="method"/> was asked.</summary>
    public int Calls(string method) => calls.GetValueOrDefault(method);

    /// <summary>The response to one request (a JSON object), or null for a notification without id.</summary>
    public string Answer(string request, NodeConnection? connection)
    {
        JsonElement id = default;
        try
        {
            using var document = JsonDocument.Parse(request);
            var body = document.RootElement;
            id = body.TryGetProperty("id", out var given) ? given.Clone() : default;
            var method = body.GetProperty("method").GetString() ?? "";
            calls.AddOrUpdate(method, 1, (_, count) => count + 1);
            var parameters = body.TryGetProperty("params", out var list) ? list : default;
            if (faults.TakeFailure(method) is { } garbage)
                return garbage ? "{\"jsonrpc\":\"2.0\",\"id\":" + Raw(id) + ",\"result\":" : Error(id, -32000, "internal error (simulated)");
            return Result(id, writer => Dispatch(method, parameters, connection, writer));
        }
        catch (MethodNotFoundException exception)
        {
            return Error(id, -32601, $"the method {exception.Message} does not exist/is not available");
        }
        catch (Exception exception) when (exception is JsonException or FormatException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            return Error(id, -32602, "invalid params: " + exception.Message);
        }
    }

    /// <summary>The <c>eth_subscription</c> notification of a log.</summary>
    public static string Notification(string subscription, ChainLog log) => Pushed(subscription, log.Write);

    /// <summary>The <c>eth_subscription</c> notification of a new head.</summary>
    public static string HeadNotification(string subscription, SimulatedBlock block) => Pushed(subscription, writer => WriteHeader(writer, block));

    private static string Pushed(string subscription, Action<Utf8JsonWriter> result) =>
        Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WriteString("method", "eth_subscription");
            writer.WriteStartObject("params");
            writer.WriteString("subscription", subscription);
            writer.WritePropertyName("result");
            result(writer);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });

    private void Dispatch(string method, JsonElement parameters, NodeConnection? connection, Utf8JsonWriter writer)
    {
        switch (method)
        {
            case "eth_chainId":
                writer.WriteStringValue("0x2105");
                break;
            case "eth_blockNumber":
                writer.WriteStringValue(HexQuantity.Format(faults.LaggingTip ?? chain.Tip));
                break;
            case "eth_getLogs":
                GetLogs(parameters[0], connection, writer);
                break;
            case "eth_call":
                Call(parameters[0], writer);
                break;
            case "eth_getBlockByNumber":
                GetBlock(parameters[0].GetString(), writer);
                break;
            case "eth_getTransactionReceipt":
                GetReceipt(parameters[0].GetString() ?? "", writer);
                break;
            case "eth_subscribe" when connection is not null && parameters[0].GetString() == "logs":
                var subscription = HexQuantity.Format(0x1cef4789_0000_0000L + Interlocked.Increment(ref subscriptions));
                var filter = parameters.GetArrayLength() > 1 ? parameters[1] : default;
                connection.Subscribe(subscription, Address(filter), Topic0s(filter));
                writer.WriteStringValue(subscription);
                break;
            case "eth_subscribe" when connection is not null && parameters[0].GetString() == "newHeads":
                var heads = HexQuantity.Format(0x2cef4789_0000_0000L + Interlocked.Increment(ref subscriptions));
                connection.SubscribeHeads(heads);
                writer.WriteStringValue(heads);
                break;
            case "eth_unsubscribe" when connection is not null:
                writer.WriteBooleanValue(connection.Unsubscribe(parameters[0].GetString() ?? ""));
                break;
            default:
                throw new MethodNotFoundException(method);
        }
    }

    private void GetLogs(JsonElement filter, NodeConnection? connection, Utf8JsonWriter writer)
    {
        var tip = chain.Tip;
        if (connection is not null && Topic0s(filter).Contains(OrderbookTopics.TakeOrderV3, StringComparer.OrdinalIgnoreCase))
            backfillStarts.TryAdd(connection.Number, Block(filter, "fromBlock", tip));
        var logs = faults.LaggingTip is not null
            ? []
            : chain.Logs(Address(filter), Block(filter, "fromBlock", tip), Block(filter, "toBlock", tip), Topic0s(filter));
        writer.WriteStartArray();
        foreach (var log in logs)
            log.Write(writer);
        writer.WriteEndArray();
    }

    private void Call(JsonElement call, Utf8JsonWriter writer)
    {
        var to = call.GetProperty("to").GetString() ?? "";
        var data = call.GetProperty("data").GetString() ?? "";
        var symbol = chain.SymbolOf(to);
        if (symbol is not null && data.Equals("0x95d89b41", StringComparison.OrdinalIgnoreCase))
            writer.WriteStringValue(HexQuantity.Data(new ABIEncode().GetABIEncoded(new ABIValue("string", symbol))));
        else if (symbol is not null && data.Equals("0x313ce567", StringComparison.OrdinalIgnoreCase))
            writer.WriteStringValue(HexQuantity.Data(new ABIEncode().GetABIEncoded(new ABIValue("uint8", symbol == "USDC" ? 6 : 18))));
        else
            writer.WriteStringValue("0x"); // a call to an address without code returns nothing
    }

    private void GetBlock(string? tag, Utf8JsonWriter writer)
    {
        var block = chain.Block(tag is "latest" or null ? chain.Tip : HexQuantity.Parse(tag));
        if (block is null)
        {
            writer.WriteNullValue();
            return;
        }

        WriteHeader(writer, block, transactions: true);
    }

    private static void WriteHeader(Utf8JsonWriter writer, SimulatedBlock block, bool transactions = false)
    {
        writer.WriteStartObject();
        writer.WriteString("number", HexQuantity.Format(block.Number));
        writer.WriteString("hash", block.Hash);
        writer.WriteString("parentHash", block.ParentHash);
        writer.WriteString("timestamp", HexQuantity.Format(block.Timestamp));
        if (transactions)
        {
            writer.WriteStartArray("transactions");
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private void GetReceipt(string txHash, Utf8JsonWriter writer)
    {
        if (chain.Transaction(txHash) is not var (block, logs))
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("transactionHash", txHash);
        writer.WriteString("blockNumber", HexQuantity.Format(block.Number));
        writer.WriteString("blockHash", block.Hash);
        writer.WriteString("gasUsed", "0x3d090");
        writer.WriteString("effectiveGasPrice", "0x5f5e100");
        writer.WriteString("status", "0x1");
        writer.WriteStartArray("logs");
        foreach (var log in logs)
            log.Write(writer);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static long Block(JsonElement filter, string name, long tip) =>
        filter.TryGetProperty(name, out var value) && value.GetString() is { } text
            ? text switch { "latest" or "safe" or "finalized" => tip, "earliest" => 0, _ => HexQuantity.Parse(text) }
            : tip;

    private static string? Address(JsonElement filter) =>
        filter.ValueKind == JsonValueKind.Object && filter.TryGetProperty("address", out var address) && address.ValueKind == JsonValueKind.String ? address.GetString() : null;

    /// <summary>The first topic position: a hash, or an array of hashes (OR).</summary>
    private static IReadOnlyCollection<string> Topic0s(JsonElement filter)
    {
        if (filter.ValueKind != JsonValueKind.Object || !filter.TryGetProperty("topics", out var topics) || topics.GetArrayLength() == 0)
            return [];
        var first = topics[0];
        return first.ValueKind switch
        {
            JsonValueKind.String => [first.GetString()!],
            JsonValueKind.Array => [.. first.EnumerateArray().Select(topic => topic.GetString()!)],
            _ => [],
        };
    }

    private static string Result(JsonElement id, Action<Utf8JsonWriter> result) =>
        Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WritePropertyName("id");
            WriteId(writer, id);
            writer.WritePropertyName("result");
            result(writer);
            writer.WriteEndObject();
        });

    private static string Error(JsonElement id, int code, string message) =>
        Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WritePropertyName("id");
            WriteId(writer, id);
            writer.WriteStartObject("error");
            writer.WriteNumber("code", code);
            writer.WriteString("message", message);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });

    private static void WriteId(Utf8JsonWriter writer, JsonElement id)
    {
        if (id.ValueKind == JsonValueKind.Undefined)
            writer.WriteNullValue();
        else
            id.WriteTo(writer);
    }

    private static string Raw(JsonElement id) => id.ValueKind == JsonValueKind.Undefined ? "null" : id.GetRawText();

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
            write(writer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private sealed class MethodNotFoundException(string method) : Exception(method);
}
