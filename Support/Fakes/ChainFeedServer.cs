using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TradingBot.Acceptance.Domain.Hosting;

namespace TradingBot.Acceptance.Support.Fakes;

/// <summary>
/// Plays the chain in tests: a WebSocket feed of fills on a free loopback port (Kestrel), one per
/// scenario. It remembers every fill it was given (the chain), replays them from the block a client
/// asks for (<c>?from_block=N</c>), pushes new ones live, can drop every connection and can refuse
/// reconnects for a while.
/// </summary>
public sealed class ChainFeedServer : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly List<ChainFill> chain = [];
    private readonly List<Subscriber> subscribers = [];
    private readonly List<long> requestedBlocks = [];
    private readonly WebApplication app;
    private bool refusing;
    private int refusedAttempts;

    private ChainFeedServer(WebApplication app) => this.app = app;

    /// <summary>Where the bot subscribes, e.g. <c>ws://127.0.0.1:41234/fills</c>.</summary>
    public Uri Feed { get; private set; } = new("ws://127.0.0.1/fills");

    /// <summary>The <c>from_block</c> of every accepted connection, in order.</summary>
    public IReadOnlyList<long> RequestedBlocks
    {
        get
        {
            lock (gate)
                return [.. requestedBlocks];
        }
    }

    public int RefusedAttempts
    {
        get
        {
            lock (gate)
                return refusedAttempts;
        }
    }

    public int OpenConnections
    {
        get
        {
            lock (gate)
                return subscribers.Count;
        }
    }

    public static async Task<ChainFeedServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new ChainFeedServer(app);
        app.UseWebSockets();
        app.Map("/fills", server.AcceptAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Feed = new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal) + "/fills");
        return server;
    }

    /// <summary>Adds fills to the chain and sends them to every connected client.</summary>
    public void Push(IEnumerable<ChainFill> fills)
    {
        ArgumentNullException.ThrowIfNull(fills);
        lock (gate)
        {
            foreach (var fill in fills)
            {
                chain.Add(fill);
                var message = ChainFillMessage.Write(fill);
                foreach (var subscriber in subscribers)
                    subscriber.Outbox.Writer.TryWrite(message);
            }
        }
    }

    /// <summary>Cuts every open connection at once, as a network failure does.</summary>
    public void DropConnections()
    {
        lock (gate)
        {
            foreach (var subscriber in subscribers)
                subscriber.Drop();
            subscribers.Clear();
        }
    }

    /// <summary>From now on, answers connection attempts with 503 until <see cref="AcceptConnections"/>.</summary>
    public void RefuseConnections()
    {
        lock (gate)
            refusing = true;
    }

    public void AcceptConnections()
    {
        lock (gate)
            refusing = false;
    }

    public async ValueTask DisposeAsync()
    {
        DropConnections();
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest || !long.TryParse(context.Request.Query["from_block"], out var fromBlock))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Subscriber subscriber;
        lock (gate)
        {
            if (refusing)
            {
                refusedAttempts++;
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }

            // Replay and live pushes are queued under one lock: nothing falls between them, nothing comes twice.
            subscriber = new Subscriber(context);
            requestedBlocks.Add(fromBlock);
            foreach (var fill in chain.Where(fill => fill.BlockNumber >= fromBlock))
                subscriber.Outbox.Writer.TryWrite(ChainFillMessage.Write(fill));
            subscribers.Add(subscriber);
        }

        try
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
            await subscriber.SendAsync(socket).ConfigureAwait(false);
        }
        finally
        {
            lock (gate)
                subscribers.Remove(subscriber);
        }
    }

    private sealed class Subscriber(HttpContext context)
    {
        public Channel<string> Outbox { get; } = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

        public void Drop()
        {
            Outbox.Writer.TryComplete();
            context.Abort();
        }

        public async Task SendAsync(WebSocket socket)
        {
            try
            {
                await foreach (var message in Outbox.Reader.ReadAllAsync(context.RequestAborted).ConfigureAwait(false))
                    await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, endOfMessage: true, context.RequestAborted).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ConnectionAbortedException)
            {
                // Dropped on purpose, or the bot went away.
            }
        }
    }
}
