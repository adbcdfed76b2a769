using System.Buffers;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TradingBot.Acceptance.Domain.Chain;

namespace TradingBot.Acceptance.Support.Chain;

/// <summary>
/// A simulated Base node on a free loopback port (Kestrel): JSON-RPC 2.0 over WebSocket and HTTP POST at <c>/</c>.
/// It mines a block every block time of the scenario's clock and pushes the new orderbook logs to matching
/// <c>eth_subscribe("logs")</c> subscriptions. Faults: drop every socket, go silent with sockets open, lag, reorg.
/// </summary>
public sealed class SimulatedBaseNode : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly List<NodeConnection> connections = [];
    private readonly WebApplication app;
    private readonly SimulatedNodeRpc rpc;
    private readonly ITimer miner;

    private SimulatedBaseNode(WebApplication app, SimulatedChain chain, TimeProvider clock)
    {
        this.app = app;
        Chain = chain;
        rpc = new SimulatedNodeRpc(chain, Faults);
        miner = clock.CreateTimer(_ => MineDue(), null, chain.BlockTime, chain.BlockTime);
    }

    public SimulatedChain Chain { get; }

    public NodeFaults Faults { get; } = new();

    /// <summary>Called with each block's number as it is mined, before its logs and head are pushed (benchmarks time it).</summary>
    public Action<long>? BlockMined { get; set; }

    /// <summary>How many times <paramref name="method"/> was asked, over every connection.</summary>
    public int Calls(string method) => rpc.Calls(method);

    /// <summary>Where the bot connects, e.g. <c>ws://127.0.0.1:41234/</c>.</summary>
    public Uri WebSocketUri { get; private set; } = new("ws://127.0.0.1/");

    public Uri HttpUri { get; private set; } = new("http://127.0.0.1/");

    /// <summary>How many WebSocket connections were accepted so far.</summary>
    public int Connections { get; private set; }

    /// <summary>How many WebSocket connections were refused (503) while <see cref="NodeFaults.Refusing"/>.</summary>
    public int RefusedConnections { get; private set; }

    /// <summary>The first block of the first <c>eth_getLogs</c> of fills each connection asked for (its backfill's start), by connection number.</summary>
    public IReadOnlyDictionary<int, long> BackfillStarts => rpc.BackfillStarts;

    /// <summary>The notifications sent on the newest open connection (the bot's, once it has connected), or null without one.</summary>
    public long? PushedOnNewestConnection
    {
        get
        {
            lock (gate)
                return connections.Count == 0 ? null : connections[^1].Pushed;
        }
    }

    public int OpenConnections
    {
        get
        {
            lock (gate)
                return connections.Count;
        }
    }

    /// <summary>How many log subscriptions the open connections hold.</summary>
    public int Subscriptions
    {
        get
        {
            lock (gate)
                return connections.Sum(connection => connection.SubscriptionCount);
        }
    }

    public static async Task<SimulatedBaseNode> StartAsync(string orderbook, TimeProvider clock, TimeSpan blockTime, long firstBlock)
    {
        // No watching of configuration files: it would enumerate and follow the working directory's whole tree, a
        // thread of its own taking CPU from the bot beside it.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--hostBuilder:reloadConfigOnChange=false"] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var node = new SimulatedBaseNode(app, new SimulatedChain(orderbook, clock, blockTime, firstBlock), clock);
        app.UseWebSockets();
        app.Map("/", node.AcceptAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        node.HttpUri = new Uri(address + "/");
        node.WebSocketUri = new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal) + "/");
        return node;
    }

    /// <summary>Mines the blocks the clock says are due and pushes their logs (the clock's timer calls it too).</summary>
    public void MineDue()
    {
        lock (gate)
        {
            var before = Chain.Tip;
            var logs = Chain.MineDue();
            var tip = Chain.Tip;
            for (var number = before + 1; number <= tip && BlockMined is { } mined; number++)
                mined(number);
            Push(logs); // one miner at a time, so notifications keep chain order
            PushHeads(before + 1, tip);
        }
    }

    /// <summary>Takes a transaction's logs back and re-sends them with <c>removed: true</c>.</summary>
    public void Reorg(string txHash) => Push(Chain.Reorg(txHash));

    /// <summary>Cuts every open connection at once, as a network failure does.</summary>
    public void DropConnections()
    {
        lock (gate)
        {
            foreach (var connection in connections)
                connection.Drop();
            connections.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await miner.DisposeAsync().ConfigureAwait(false);
        DropConnections();
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private void Push(IReadOnlyList<ChainLog> logs)
    {
        if (logs.Count == 0 || Faults.Silent)
            return;
        lock (gate)
        {
            foreach (var log in logs)
            {
                foreach (var connection in connections)
                {
                    foreach (var subscription in connection.SubscriptionsFor(log))
                        connection.Push(SimulatedNodeRpc.Notification(subscription, log));
                }
            }
        }
    }

    private void PushHeads(long from, long to)
    {
        if (from > to || Faults.Silent)
            return;
        foreach (var connection in connections)
        {
            foreach (var subscription in connection.HeadSubscriptions)
            {
                for (var number = from; number <= to; number++)
                    connection.Push(SimulatedNodeRpc.HeadNotification(subscription, Chain.Block(number)!));
            }
        }
    }

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await AnswerHttpAsync(context).ConfigureAwait(false);
            return;
        }

        NodeConnection connection;
        lock (gate)
        {
            if (Faults.Refusing)
            {
                RefusedConnections++;
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }

            connection = new NodeConnection(context, ++Connections);
            connections.Add(connection);
        }

        try
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
            var sending = connection.SendAllAsync(socket);
            await ReceiveAsync(socket, connection, context.RequestAborted).ConfigureAwait(false);
            connection.Drop();
            await sending.ConfigureAwait(false);
        }
        finally
        {
            lock (gate)
                connections.Remove(connection);
        }
    }

    private async Task ReceiveAsync(WebSocket socket, NodeConnection connection, CancellationToken aborted)
    {
        var message = new ArrayBufferWriter<byte>();
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(message.GetMemory(4096), aborted).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                    return;
                message.Advance(result.Count);
                if (!result.EndOfMessage)
                    continue;
                MineDue();
                connection.Send(rpc.Answer(Encoding.UTF8.GetString(message.WrittenSpan), connection));
                message.Clear();
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ConnectionAbortedException)
        {
            // The client went away or the connection was dropped on purpose.
        }
    }

    private async Task AnswerHttpAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var request = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        MineDue();
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(rpc.Answer(request, connection: null), context.RequestAborted).ConfigureAwait(false);
    }
}
