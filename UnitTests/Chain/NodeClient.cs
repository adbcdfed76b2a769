using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace TradingBot.Acceptance.UnitTests.Chain;

/// <summary>Raw JSON-RPC to the simulated node, as any client would speak it: HTTP POST, or text frames on a WebSocket.</summary>
internal sealed class NodeClient(Uri http) : IDisposable
{
    private readonly HttpClient client = new();
    private int ids;

    public async Task<JsonElement> PostAsync(string method, string parameters = "[]")
    {
        var body = $"{{\"jsonrpc\":\"2.0\",\"id\":{Interlocked.Increment(ref ids)},\"method\":\"{method}\",\"params\":{parameters}}}";
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(http, content);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public static async Task SendAsync(ClientWebSocket socket, string request) =>
        await socket.SendAsync(Encoding.UTF8.GetBytes(request), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    /// <summary>The next text message, or null when the socket closed or nothing came within <paramref name="patience"/> (which aborts the socket).</summary>
    public static async Task<JsonElement?> ReceiveAsync(ClientWebSocket socket, TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        var buffer = new byte[1 << 16];
        var length = 0;
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(length), timeout.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                    return null;
                length += result.Count;
                if (result.EndOfMessage)
                    return JsonDocument.Parse(buffer.AsMemory(0, length)).RootElement.Clone();
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            return null;
        }
    }

    public void Dispose() => client.Dispose();
}
