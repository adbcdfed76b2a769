using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Hosting.OperatorSurface;

namespace TradingBot.Acceptance.UnitTests.OperatorSurface;

/// <summary>The operator API on a free loopback port over an in-memory database, and an HTTP client that speaks to it.</summary>
internal sealed class OperatorApiBed : IAsyncDisposable
{
    public const string Token = "op-token-0123456789-abcdef";

    private readonly HttpClient http;

    private OperatorApiBed(OperatorApi api, SqliteDatabase database, IOperatorConsole console, RecordingLogger logger)
    {
        Api = api;
        Database = database;
        Console = console;
        Logger = logger;
        http = new HttpClient { BaseAddress = api.Address };
    }

    public OperatorApi Api { get; }

    public SqliteDatabase Database { get; }

    public IOperatorConsole Console { get; }

    public RecordingLogger Logger { get; }

    public static async Task<OperatorApiBed> StartAsync(Func<SqliteDatabase, TimeProvider, IOperatorConsole> console)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 14, 30, 0, TimeSpan.Zero));
        var database = SqliteDatabase.InMemory(clock);
        var logger = new RecordingLogger();
        var controls = console(database, clock);
        var api = await OperatorApi.StartAsync(new OperatorApiSettings(IPAddress.Loopback, 0, Token), controls, database, logger, CancellationToken.None);
        return new OperatorApiBed(api, database, controls, logger);
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
        Database.Dispose();
    }

    /// <summary>An answer of the API: its status, its body as text and as JSON.</summary>
    internal sealed record Answer(HttpStatusCode Status, string Body, string Challenge)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;

        public string Error => Json.GetProperty("error").GetString()!;
    }
}
