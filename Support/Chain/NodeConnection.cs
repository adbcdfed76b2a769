using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using TradingBot.Acceptance.Domain.Chain;

namespace TradingBot.Acceptance.Support.Chain;

/// <summary>One WebSocket client of the simulated node: its log subscriptions and the messages waiting to go out.</summary>
public sealed class NodeConnection(HttpContext context, int number)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, (string? Address, IReadOnlyCollection<string> Topic0s)> subscriptions = [];
    private readonly HashSet<string> heads = [];
    private readonly Channel<string> outbox = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private long pushed;

    /// <summary>The connection's number: 1 for the node's first WebSocket client, and so on.</summary>
    public int Number => number;

    public int SubscriptionCount
    {
        get
        {
            lock (gate)
                return subscriptions.Count;
        }
    }

    /// <summary>The <c>newHeads</c> subscriptions, each pushed every mined block.</summary>
    public IReadOnlyList<string> HeadSubscriptions
    {
        get
        {
            lock (gate)
                return [.. heads];
        }
    }

    public void SubscribeHeads(string id)
    {
        lock (gate)
            heads.Add(id);
    }

    public void Subscribe(string id, string? address, IReadOnlyCollection<string> topic0s)
    {
        lock (gate)
            subscriptions[id] = (address, topic0s);
    }

    public bool Unsubscribe(string id)
    {
        lock (gate)
            return subscriptions.Remove(id) | heads.Remove(id);
    }

    /// <summary>The subscriptions a log matches (address and topic0), as <c>eth_subscription</c> notifications would go.</summary>
    public IReadOnlyList<string> SubscriptionsFor(ChainLog log)
    {
        lock (gate)
        {
            return [.. subscriptions.Where(entry => (entry.Value.Address is null || ChainAddress.AreEqual(entry.Value.Address, log.Address))
                    && (entry.Value.Topic0s.Count == 0 || entry.Value.Topic0s.Contains(log.Topic0!, StringComparer.OrdinalIgnoreCase)))
                .Select(entry => entry.Key)];
        }
    }

    public void Send(string message) => outbox.Writer.TryWrite(message);

    /// <summary>How many subscription notifications were sent on this connection.</summary>
    public long Pushed => Interlocked.Read(ref pushed);

    /// <summary>Sends a subscription notification, counted in <see cref="Pushed"/>.</summary>
    public void Push(string notification)
    {
        Interlocked.Increment(ref pushed);
        Send(notification);
    }

    /// <summary>Cuts the connection as a network failure does: no close frame.</summary>
    public void Drop()
    {
        outbox.Writer.TryComplete();
        context.Abort();
    }

    public async Task SendAllAsync(WebSocket socket)
    {
        try
        {
            await foreach (var message in outbox.Reader.ReadAllAsync(context.RequestAborted).ConfigureAwait(false))
                await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, endOfMessage: true, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ConnectionAbortedException)
        {
            // Dropped on purpose, or the client went away.
        }
    }
}
