using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TradingBot.Acceptance.Domain.Execution.Alpaca;

namespace TradingBot.Acceptance.UnitTests.Processes;

/// <summary>
/// A small Alpaca Broker API on a loopback port (Kestrel in the test process, so it outlives every bot process
/// it serves): the market is open all day, every asset is tradable, the account is active, and every order is
/// filled at $100 as it arrives, after the configured latency. Each order it takes is first appended to a
/// journal file and synced to disk, so the journal is the truth of what reached the broker. A second order with
/// a client order id already taken is refused (422), as Alpaca does.
/// </summary>
public sealed class BrokerSimulator : IAsyncDisposable
{
    public const string AccountId = "crash-account";

    private readonly WebApplication app;
    private readonly FileStream journal;
    private readonly Lock gate = new();
    private readonly ConcurrentDictionary<string, AlpacaOrderRequest> byClientId = new();
    private readonly ConcurrentDictionary<string, AlpacaOrderRequest> byId = new();
    private readonly TimeSpan latency;

    private BrokerSimulator(WebApplication app, string journalPath, TimeSpan latency)
    {
        this.app = app;
        this.latency = latency;
        JournalPath = journalPath;
        journal = new FileStream(journalPath, FileMode.Append, FileAccess.Write, FileShare.Read);
    }

    public Uri Url { get; private set; } = new("http://127.0.0.1/");

    public string JournalPath { get; }

    public static async Task<BrokerSimulator> StartAsync(string journalPath, TimeSpan latency)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var broker = new BrokerSimulator(app, journalPath, latency);
        var account = $"/v1/trading/accounts/{AccountId}";
        app.MapGet("/v1/calendar", (string start) => Results.Json(new[] { new AlpacaCalendarDay(start, "00:00", "23:59") }, AlpacaJson.Options));
        app.MapGet("/v1/assets/{symbol}", (string symbol) => Results.Json(new AlpacaAsset(symbol, "active", true), AlpacaJson.Options));
        app.MapGet(account + "/account", () => Results.Json(new AlpacaAccount("ACTIVE", "1000000"), AlpacaJson.Options));
        app.MapPost(account + "/orders", broker.PlaceAsync);
        app.MapGet(account + "/orders:by_client_order_id", (string client_order_id) =>
            broker.byClientId.TryGetValue(client_order_id, out var order) ? Filled(order) : Results.NotFound());
        app.MapGet(account + "/orders/{id}", (string id) => broker.byId.TryGetValue(id, out var order) ? Filled(order) : Results.NotFound());
        await app.StartAsync().ConfigureAwait(false);
        broker.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/");
        return broker;
    }

    /// <summary>
    /// Every order in the journal, as the broker took them, in order. Read while the broker may be writing, so only
    /// lines ended by their newline count: the order on a line still being written has not been answered yet.
    /// </summary>
    public static IReadOnlyList<AlpacaOrderRequest> ReadJournal(string path)
    {
        string text;
        using (var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite)))
            text = reader.ReadToEnd();
        var complete = text[..(text.LastIndexOf('\n') + 1)];
        return [.. complete.Split('\n').Where(line => line.Length > 0).Select(line => JsonSerializer.Deserialize<AlpacaOrderRequest>(line, AlpacaJson.Options)!)];
    }

    private async Task<IResult> PlaceAsync(HttpRequest request)
    {
        var order = await JsonSerializer.DeserializeAsync<AlpacaOrderRequest>(request.Body, AlpacaJson.Options).ConfigureAwait(false);
        if (order is null)
            return Results.UnprocessableEntity(new { message = "no order" });
        await Task.Delay(latency).ConfigureAwait(false);
        lock (gate)
        {
            if (!byClientId.TryAdd(order.ClientOrderId, order))
                return Results.UnprocessableEntity(new { message = "client_order_id must be unique" });
            var line = JsonSerializer.SerializeToUtf8Bytes(order, AlpacaJson.Options);
            journal.Write(line);
            journal.WriteByte((byte)'\n');
            journal.Flush(flushToDisk: true);
            byId[order.ClientOrderId] = order;
        }

        return Filled(order);
    }

    // The broker's order id is the client order id: one order per client id, and a status read finds it.
    private static IResult Filled(AlpacaOrderRequest order) =>
        Results.Json(new AlpacaOrder(order.ClientOrderId, order.ClientOrderId, "filled", order.Qty, "100.00"), AlpacaJson.Options);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        await journal.DisposeAsync().ConfigureAwait(false);
    }
}
