using System.Globalization;
using System.Text.Json.Nodes;
using TradingBot.Acceptance.Support.TestData;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace TradingBot.Acceptance.Support.Fakes;

/// <summary>
/// The Schwab Trader API played by WireMock on a free port: OAuth refresh grants (an access token that expires
/// on the scenario's clock, a new refresh token each time), orders kept by <see cref="OrderBook"/>, the equity
/// market open in regular hours on every weekday, the account. A request whose bearer token the
/// simulator never granted, or granted and saw expire, gets 401. Every request stays in WireMock's journal.
/// </summary>
public sealed class SchwabBrokerStub : IDisposable
{
    public const string TokenPath = "/v1/oauth/token";
    public const int AccessTokenLifetimeSeconds = 1800;

    private readonly WireMockServer server;
    private readonly TimeProvider clock;
    private readonly Lock gate = new();
    private readonly HashSet<string> refreshTokens = [];
    private readonly Dictionary<string, DateTimeOffset> accessTokens = [];

    public SchwabBrokerStub(TimeProvider clock, string accountHash = "E5B3F8A1C2D4")
    {
        this.clock = clock;
        AccountHash = accountHash;
        RefreshToken = "scenario-refresh-0";
        refreshTokens.Add(RefreshToken);
        server = WireMockServer.Start();
        Url = new Uri(server.Url!);
        OrdersPath = $"/trader/v1/accounts/{accountHash}/orders";
        OrderBook = new SchwabOrderBook($"{server.Url}{OrdersPath}");
        server.Given(Request.Create().WithPath(TokenPath).UsingPost()).RespondWith(Response.Create().WithCallback(Grant));
        server.Given(Request.Create().WithPath(OrdersPath).UsingPost()).RespondWith(Authorized(OrderBook.Place));
        server.Given(Request.Create().WithPath(new WildcardMatcher($"{OrdersPath}/*")).UsingGet()).RespondWith(Authorized(OrderBook.Status));
        server.Given(Request.Create().WithPath(new WildcardMatcher($"{OrdersPath}/*")).UsingDelete()).RespondWith(Authorized(OrderBook.CancelRequest));
        server.Given(Request.Create().WithPath("/marketdata/v1/markets/equity").UsingGet()).RespondWith(Authorized(MarketHours));
        server.Given(Request.Create().WithPath($"/trader/v1/accounts/{accountHash}").UsingGet()).RespondWith(Authorized(_ =>
            StubResponses.Message(200, new JsonObject { ["securitiesAccount"] = new JsonObject { ["accountNumber"] = accountHash } })));
    }

    public SchwabOrderBook OrderBook { get; }

    public string AccountHash { get; }

    /// <summary>The refresh token the bot is configured with, from its one-time consent.</summary>
    public string RefreshToken { get; }

    public Uri Url { get; }

    public string OrdersPath { get; }

    public int OrderRequests() => Received("POST", OrdersPath);

    public int TokenRequests() => Received("POST", TokenPath);

    /// <summary>Every request and its answer, one line each, for the diagnostics of a failed scenario (token answers withheld).</summary>
    public IReadOnlyList<string> RequestLog() =>
        server.LogEntries.Select(entry => $"{entry.RequestMessage.Method} {entry.RequestMessage.Url} -> {entry.ResponseMessage?.StatusCode} "
            + (entry.RequestMessage.Path == TokenPath ? "(tokens withheld)" : entry.ResponseMessage?.BodyData?.BodyAsString)).ToList();

    public void Dispose()
    {
        server.Stop();
        server.Dispose();
    }

    private ResponseMessage Grant(IRequestMessage request)
    {
        var form = request.Body is { } body ? System.Web.HttpUtility.ParseQueryString(body) : [];
        lock (gate)
        {
            if (form["grant_type"] != "refresh_token" || form["refresh_token"] is not { } presented || !refreshTokens.Remove(presented))
                return StubResponses.Message(400, new JsonObject { ["error"] = "invalid_grant" });
            var serial = (accessTokens.Count + 1).ToString(CultureInfo.InvariantCulture);
            accessTokens[$"scenario-access-{serial}"] = clock.GetUtcNow().AddSeconds(AccessTokenLifetimeSeconds);
            refreshTokens.Add($"scenario-refresh-{serial}");
            return StubResponses.Message(200, new JsonObject
            {
                ["access_token"] = $"scenario-access-{serial}",
                ["refresh_token"] = $"scenario-refresh-{serial}",
                ["token_type"] = "Bearer",
                ["expires_in"] = AccessTokenLifetimeSeconds,
                ["scope"] = "api",
            });
        }
    }

    private IResponseBuilder Authorized(Func<IRequestMessage, ResponseMessage> answer) => Response.Create().WithCallback(request =>
    {
        var header = request.Headers is { } headers && headers.TryGetValue("Authorization", out var values) ? values[0] : "";
        bool granted;
        lock (gate)
            granted = header.StartsWith("Bearer ", StringComparison.Ordinal)
                && accessTokens.TryGetValue(header["Bearer ".Length..], out var expiresAt) && clock.GetUtcNow() < expiresAt;
        return granted ? answer(request) : StubResponses.Message(401, new JsonObject { ["message"] = "access token missing, unknown or expired" });
    });

    /// <summary>Regular hours in New York on a weekday; no session on a weekend.</summary>
    private static ResponseMessage MarketHours(IRequestMessage request)
    {
        var date = request.Query?.TryGetValue("date", out var values) == true ? values[0] : "";
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return StubResponses.Message(400, new JsonObject { ["message"] = "date must be yyyy-MM-dd" });
        if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            return StubResponses.Message(200, new JsonObject { ["equity"] = new JsonObject() });
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        string At(string time)
        {
            var local = day.ToDateTime(TimeOnly.Parse(time, CultureInfo.InvariantCulture));
            return new DateTimeOffset(local, newYork.GetUtcOffset(local)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
        }

        return StubResponses.Message(200, new JsonObject
        {
            ["equity"] = new JsonObject
            {
                ["EQ"] = new JsonObject
                {
                    ["date"] = date,
                    ["isOpen"] = true,
                    ["sessionHours"] = new JsonObject
                    {
                        ["regularMarket"] = new JsonArray(new JsonObject { ["start"] = At(ScenarioDefaults.MarketOpen), ["end"] = At(ScenarioDefaults.MarketClose) }),
                    },
                },
            },
        });
    }

    private int Received(string method, string path) =>
        server.LogEntries.Count(entry => entry.RequestMessage.Method == method && entry.RequestMessage.Path == path);
}
