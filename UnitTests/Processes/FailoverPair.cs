using System.Net;
using System.Text.Json;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;

namespace TradingBot.Acceptance.UnitTests.Processes;

/// <summary>
/// Two bot processes as active and standby on one PostgreSQL store (a <see cref="ProcessWorld"/> with a leadership
/// lease), the fills reported to its chain, and the lease watched from the test. A killed instance is replaced by a
/// fresh one, so there are always two.
/// </summary>
public sealed class FailoverPair : IAsyncDisposable
{
    private static readonly string[] Tokens = ["tAAPL", "tMSFT", "tNVDA"];
    private readonly List<BotProcess> bots = [];
    private readonly List<(string TxHash, string Token, decimal Shares)> fills = [];

    private FailoverPair(ProcessWorld world)
    {
        World = world;
        Watch = new LeadershipWatch(world.Store.PostgresConnection);
    }

    public ProcessWorld World { get; }

    public LeadershipWatch Watch { get; }

    public IReadOnlyList<(string TxHash, string Token, decimal Shares)> Fills => fills;

    /// <summary>A world whose bots hedge at a broker answering in 150 ms, leave a dead placer's order 2 s, and share a lease of <paramref name="leaseSeconds"/>.</summary>
    public static async Task<FailoverPair> StartAsync(double leaseSeconds)
    {
        var world = await ProcessWorld.StartAsync(TimeSpan.FromMilliseconds(150), placementDeadlineSeconds: 2, EventStoreKind.Postgres, leaseSeconds);
        var pair = new FailoverPair(world);
        pair.bots.Add(world.StartBot());
        pair.bots.Add(world.StartBot());
        await pair.WaitUntilRunningAsync(TimeSpan.FromSeconds(60));
        return pair;
    }

    /// <summary>Takers take the bot's orders <paramref name="count"/> times at once: sales of 1 to 3 shares, the tokens in turn.</summary>
    public void Burst(int count, int round)
    {
        for (var sale = 0; sale < count; sale++)
        {
            var token = Tokens[(round + sale) % Tokens.Length];
            var shares = 1m + ((round + sale) % 3);
            fills.Add((World.Sale(token, shares), token, shares));
        }
    }

    /// <summary>The process holding <paramref name="lease"/>.</summary>
    public BotProcess Leader(LeadershipWatch.Lease lease) =>
        bots.SingleOrDefault(bot => bot.InstanceId == lease.Holder) ?? throw new InvalidOperationException($"No running bot is {lease.Holder}:\n{Outputs()}");

    /// <summary>Forgets a killed process and, unless told otherwise, starts a fresh standby in its place.</summary>
    public void Replace(BotProcess killed, bool startFresh = true)
    {
        bots.Remove(killed);
        killed.Dispose();
        if (startFresh)
            bots.Add(World.StartBot());
    }

    public async Task WaitUntilRunningAsync(TimeSpan patience) => await Task.WhenAll(bots.Select(bot => bot.WaitUntilRunningAsync(patience)));

    /// <summary>Waits until every fill is settled, stops both processes gracefully and reads the store.</summary>
    public async Task<ProcessWorld.Snapshot> SettleAndStopAsync(TimeSpan patience)
    {
        var settled = await World.WaitForAsync(snapshot => snapshot.Settled(fills.Count), patience);
        settled.Settled(fills.Count).ShouldBeTrue($"settled: {settled.Processed}/{fills.Count} fills processed, "
            + $"{settled.Orders.Count(order => !order.Order.IsTerminal)} orders open, positions {string.Join(", ", settled.Positions.Select(p => $"{p.Symbol} {p.Net}"))}\n{Outputs()}");
        await Task.WhenAll(bots.Select(bot => bot.StopAsync(patience)));
        return World.Read();
    }

    /// <summary>The role <c>GET /status</c> of <paramref name="bot"/>'s operator API gives: active or standby.</summary>
    public static async Task<string?> RoleAsync(BotProcess bot)
    {
        var (_, body) = await OperatorAsync(bot, HttpMethod.Get, "status");
        using var status = JsonDocument.Parse(body);
        return status.RootElement.TryGetProperty("role", out var role) ? role.GetString() : null;
    }

    /// <summary>A request to <paramref name="bot"/>'s operator API with the token: the status code and the body.</summary>
    public static async Task<(HttpStatusCode Status, string Body)> OperatorAsync(BotProcess bot, HttpMethod method, string path, string? body = null)
    {
        ArgumentNullException.ThrowIfNull(bot);
        using var client = new HttpClient { BaseAddress = bot.OperatorApi, Timeout = TimeSpan.FromSeconds(10) };
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new("Bearer", ProcessWorld.OperatorToken);
        if (body is not null)
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public void CheckEveryFillHedgedOnce(ProcessWorld.Snapshot end) => HedgeLedger.CheckEveryFillHedgedOnce(World, end, fills);

    public int Duplicates() => HedgeLedger.Duplicates(World);

    /// <summary>What the processes printed and logged, for a failure's message.</summary>
    public string Outputs() => string.Join("\n---\n", bots.Select(bot => $"{bot.InstanceId}:\n{bot.Output}\n{BotLog.Read(bot)}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var bot in bots)
            bot.Dispose();
        await Watch.DisposeAsync();
        await World.DisposeAsync();
    }
}
