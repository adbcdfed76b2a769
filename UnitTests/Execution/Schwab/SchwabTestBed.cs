using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Execution.Schwab;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Support.Fakes;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

using TradingBot.Acceptance.Support.World;

namespace TradingBot.Acceptance.UnitTests.Execution.Schwab;

/// <summary>One test's Schwab adapter against its own WireMock server, on a fake clock inside market hours.</summary>
public sealed class SchwabTestBed : IDisposable
{
    public const string AccountHash = "E5B3F8A1C2D4";
    public const string OrderId = "1004055538";
    public const string OrdersPath = $"/trader/v1/accounts/{AccountHash}/orders";
    public const string TokenPath = "/v1/oauth/token";

    /// <summary>Wednesday 12 March 2025, 10:00 in New York (EDT).</summary>
    public static readonly DateTimeOffset MarketMorning = new(2025, 3, 12, 14, 0, 0, TimeSpan.Zero);

    private readonly HttpClient httpClient;
    private int nextPriority = 100_000;

    public SchwabTestBed()
    {
        Server = WireMockServer.Start();
        Clock = new ScenarioClock(MarketMorning);
        httpClient = new HttpClient { BaseAddress = new Uri(Server.Url!) };
        Executor = new SchwabExecutor(httpClient, new SchwabOptions("app-key", "app-secret", "refresh-1", AccountHash), Clock);
    }

    public WireMockServer Server { get; }

    public ScenarioClock Clock { get; }

    public SchwabExecutor Executor { get; }

    public static MarketOrder BuyAapl(decimal shares) =>
        new(new Symbol("AAPL"), new FractionalShares(shares), Direction.Buy, new ClientOrderId(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e")));

    public void GrantToken(string accessToken, int expiresInSeconds = 1800, string refreshToken = "refresh-2") =>
        Server.Given(Request.Create().WithPath(TokenPath).UsingPost()).AtPriority(Priority())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(
                $$"""{"expires_in":{{expiresInSeconds}},"token_type":"Bearer","scope":"api","refresh_token":"{{refreshToken}}","access_token":"{{accessToken}}"}"""));

    public void RefuseToken() =>
        Server.Given(Request.Create().WithPath(TokenPath).UsingPost()).AtPriority(Priority())
            .RespondWith(Response.Create().WithStatusCode(401).WithBody("""{"error":"invalid_client"}"""));

    public void AcceptOrders(string orderId) =>
        Server.Given(Request.Create().WithPath(OrdersPath).UsingPost()).AtPriority(Priority())
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Location", $"{Server.Url}{OrdersPath}/{orderId}"));

    public void AnswerOrderStatus(string orderId, string body) =>
        Server.Given(Request.Create().WithPath($"{OrdersPath}/{orderId}").UsingGet()).AtPriority(Priority())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body));

    public void AnswerCancel(string orderId, int status, string body = "") =>
        Server.Given(Request.Create().WithPath($"{OrdersPath}/{orderId}").UsingDelete()).AtPriority(Priority())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));

    public IReadOnlyList<WireMock.IRequestMessage> Requests(string method, string path) =>
        Server.LogEntries.Select(entry => entry.RequestMessage).Where(request => request.Method == method && request.Path == path).ToList();

    public void Dispose()
    {
        Executor.Dispose();
        httpClient.Dispose();
        Server.Stop();
        Server.Dispose();
    }

    private int Priority() => --nextPriority;
}
