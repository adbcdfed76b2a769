using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Hosting;
using TradingBot.Acceptance.Domain.Hosting.OperatorSurface;
using TradingBot.Acceptance.Domain.Risk;
using TradingBot.Acceptance.Support.Fakes;
using TradingBot.Acceptance.UnitTests.Hedging;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Support.Hosting;

namespace TradingBot.Acceptance.UnitTests.OperatorSurface;

/// <summary>The operator API on a free loopback port over an in-memory database, and an HTTP client that speaks to it.</summary>
internal sealed class OperatorApiBed : IAsyncDisposable
{
    public const string Token = "op-token-0123456789-abcdef";

    private readonly HttpClient http;
    private int nextTransaction;

    private OperatorApiBed(OperatorApi api, BotComposition bot, MockExecutor broker, FakeTimeProvider clock, BotLogRecorder logger)
    {
        Api = api;
        Bot = bot;
        Broker = broker;
        Clock = clock;
        Logger = logger;
        http = new HttpClient { BaseAddress = api.Address };
    }

    public OperatorApi Api { get; }

    /// <summary>The bot whose controls the API acts on, with the production limits, over an in-memory database.</summary>
    public BotComposition Bot { get; }

    /// <summary>The dry-run broker the bot hedges with.</summary>
    public MockExecutor Broker { get; }

    public FakeTimeProvider Clock { get; }

    public RiskControls Risk => Bot.Risk;

    public BotLogRecorder Logger { get; }

    public DateTimeOffset Now => Bot.Clock.GetUtcNow();

    /// <summary>The control decisions recorded so far, as the event log holds them.</summary>
    public IReadOnlyList<string> RiskEvents =>
        [.. Bot.Database.ReadStream("RiskControl", RiskControl.Id).Select(recorded => $"{recorded.EventName} {recorded.Payload}")];

    public static async Task<OperatorApiBed> StartAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 14, 30, 0, TimeSpan.Zero));
        var broker = new MockExecutor(clock);
        var bot = BotComposition.For(SqliteDatabase.InMemory(clock), broker.Executor, clock);
        bot.Risk.Use(RiskSettings.Production);
        var logger = new BotLogRecorder();
        var api = await OperatorApi.StartAsync(new OperatorApiSettings(IPAddress.Loopback, 0, Token), bot.Risk, bot.Database, logger, CancellationToken.None);
        return new OperatorApiBed(api, bot, broker, clock, logger);
    }

    /// <summary>The bot sells on-chain: the fill is recorded on its position, and the hedge it triggers, if any, sent.</summary>
    public async Task SellOnChainAsync(string token, decimal amount)
    {
        var hedge = await Bot.Conductor.ProcessTradeWithinTransactionAsync(
            HedgingTestBed.Fill(HedgingTestBed.Hash(++nextTransaction), token, amount, Direction.Sell), CancellationToken.None);
        if (hedge is not null)
            await Bot.Conductor.ExecutePendingOffchainExecutionAsync(hedge.ExecutionId, CancellationToken.None);
    }

    public Task<Answer> SendAsync(HttpMethod method, string path, string? body = null) => SendAsync(method, path, body, "Bearer " + Token);

    public async Task<Answer> SendAsync(HttpMethod method, string path, string? body, string? authorization)
    {
        using var request = new HttpRequestMessage(method, path);
        if (authorization is not null)
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        if (body is not null)
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Answer(response.StatusCode, text, response.Headers.WwwAuthenticate.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await Api.StopAsync(CancellationToken.None);
        await Api.DisposeAsync();
        Bot.Database.Dispose();
    }

    /// <summary>An answer of the API: its status, its body as text and as JSON.</summary>
    internal sealed record Answer(HttpStatusCode Status, string Body, string Challenge)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;

        public string Error => Json.GetProperty("error").GetString()!;
    }
}
