using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using TradingBot.Acceptance.Support.TestData;

namespace TradingBot.Acceptance.Support.Fakes;

/// <summary>
/// The Alpaca Broker API played by WireMock on a free port, in business words. Underneath, a small model
/// keeps the orders the bot places (<see cref="OrderBook"/>) and answers status and client-order-id reads
/// from them; an answer configured for an endpoint (a fault, or a canned body for adapter tests) takes
/// precedence, the latest first. The calendar has regular hours on every weekday unless a day is configured.
/// Requests nobody configured and the model does not serve get WireMock's 404.
/// </summary>
public sealed class AlpacaBrokerStub : IDisposable
{
    private readonly WireMockServer server;
    private readonly string accountPath;
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<IRequestMessage> heldRequests = new();
    private readonly TaskCompletionSource requestHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private const int ModelPriority = 1_000_000;
    private int nextPriority = 100_000;
    private int nextScenario;
    private Guid? credentialsRefused;

    public AlpacaBrokerStub(string accountId = "a1b2c3d4-0000-4000-8000-000000000001")
    {
        AccountId = accountId;
        accountPath = $"/v1/trading/accounts/{accountId}";
        server = WireMockServer.Start();
        Url = new Uri(server.Url!);
        server.Given(Request.Create().WithPath(OrdersPath).UsingPost()).AtPriority(ModelPriority)
            .RespondWith(Response.Create().WithCallback(OrderBook.Place));
        server.Given(Request.Create().WithPath($"{OrdersPath}:by_client_order_id").UsingGet()).AtPriority(ModelPriority)
            .RespondWith(Response.Create().WithCallback(OrderBook.ByClientOrderId));
        server.Given(Request.Create().WithPath(new WildcardMatcher($"{OrdersPath}/*")).UsingGet()).AtPriority(ModelPriority)
            .RespondWith(Response.Create().WithCallback(OrderBook.Status));
        server.Given(Request.Create().WithPath("/v1/calendar").UsingGet()).AtPriority(ModelPriority)
            .RespondWith(Response.Create().WithCallback(RegularCalendar));
        server.Given(Request.Create().WithPath(new WildcardMatcher($"{OrdersPath}/*")).UsingDelete()).AtPriority(ModelPriority)
            .RespondWith(Response.Create().WithCallback(OrderBook.CancelRequest));
    }

    /// <summary>The orders the bot placed and the broker keeps; scenarios fill them here.</summary>
    public AlpacaOrderBook OrderBook { get; } = new();

    public string AccountId { get; }

    public Uri Url { get; }

    public string OrdersPath => $"{accountPath}/orders";

    public void AcceptOrders(string orderId) => AnswerEveryOrderWith(AlpacaAnswer.Order(orderId, "accepted"));

    public void AnswerEveryOrderWith(AlpacaAnswer answer) =>
        Answer(Request.Create().WithPath(OrdersPath).UsingPost(), answer);

    /// <summary>Only the next order gets <paramref name="answer"/>; later ones get what was configured before.</summary>
    public void AnswerNextOrderWith(AlpacaAnswer answer)
    {
        var scenario = $"next order {++nextScenario}";
        server.Given(Request.Create().WithPath(OrdersPath).UsingPost())
            .AtPriority(--nextPriority)
            .InScenario(scenario)
            .WillSetStateTo("answered")
            .RespondWith(Respond(answer));
    }

    public void AnswerNextOrderWith429(int retryAfterSeconds) =>
        AnswerNextOrderWith(AlpacaAnswer.TooManyRequests(retryAfterSeconds.ToString(CultureInfo.InvariantCulture)));

    public void AnswerOrderStatus(string orderId, AlpacaAnswer answer) =>
        Answer(Request.Create().WithPath($"{OrdersPath}/{orderId}").UsingGet(), answer);

    public void AnswerOrderStatus(string orderId, string status) => AnswerOrderStatus(orderId, AlpacaAnswer.Order(orderId, status));

    /// <summary>Cancel requests for the order get <paramref name="answer"/> instead of the order book's.</summary>
    public void AnswerCancel(string orderId, AlpacaAnswer answer) =>
        Answer(Request.Create().WithPath($"{OrdersPath}/{orderId}").UsingDelete(), answer);

    public IReadOnlyList<IRequestMessage> CancelRequests(string orderId) => Received("DELETE", $"{OrdersPath}/{orderId}");

    public void KnowClientOrder(ClientOrderId clientOrderId, string orderId) =>
        AnswerLookup(clientOrderId, AlpacaAnswer.Order(orderId, "accepted"));

    public void AnswerLookup(ClientOrderId clientOrderId, AlpacaAnswer answer) =>
        Answer(Request.Create().WithPath($"{OrdersPath}:by_client_order_id")
            .WithParam("client_order_id", clientOrderId.ToString()).UsingGet(), answer);

    public void TradeAsset(Symbol symbol) => AnswerAsset(symbol, "active", tradable: true);

    public void AnswerAsset(Symbol symbol, string status, bool tradable) =>
        AnswerAssetWith(symbol, new AlpacaAnswer(200,
            $$"""{"id":"b0b6dd9d-8b9b-48a9-ba46-b9d54906e415","class":"us_equity","symbol":"{{symbol}}","status":"{{status}}","tradable":{{(tradable ? "true" : "false")}},"fractionable":true}"""));

    public void AnswerAssetWith(Symbol symbol, AlpacaAnswer answer) =>
        Answer(Request.Create().WithPath($"/v1/assets/{symbol}").UsingGet(), answer);

    /// <summary>Every asset is active and tradable.</summary>
    public void TradeEveryAsset() =>
        Answer(Request.Create().WithPath(new WildcardMatcher("/v1/assets/*")).UsingGet(), new AlpacaAnswer(200,
            """{"id":"b0b6dd9d-8b9b-48a9-ba46-b9d54906e415","class":"us_equity","status":"active","tradable":true,"fractionable":true}"""));

    /// <summary>The broker knows no order by its client order id (404): what a failed placement leaves behind.</summary>
    public void ForgetClientOrders() =>
        Answer(Request.Create().WithPath($"{OrdersPath}:by_client_order_id").UsingGet(), AlpacaAnswer.Error(404, "order not found"));

    public void OpenMarketOn(DateOnly day, string open = ScenarioDefaults.MarketOpen, string close = ScenarioDefaults.MarketClose) =>
        AnswerCalendar(day, $$"""[{"date":"{{Day(day)}}","open":"{{open}}","close":"{{close}}"}]""");

    /// <summary>A weekend or holiday: the calendar has no entry for the day.</summary>
    public void CloseMarketOn(DateOnly day) => AnswerCalendar(day, "[]");

    /// <summary>The broker refuses the bot's API key: every request gets 401 until <see cref="AcceptCredentials"/>.</summary>
    public void RefuseCredentials()
    {
        var mapping = Guid.NewGuid();
        server.Given(Request.Create().WithPath(new WildcardMatcher("/*")).UsingAnyMethod()).WithGuid(mapping).AtPriority(0)
            .RespondWith(Respond(AlpacaAnswer.Unauthorized()));
        credentialsRefused = mapping;
    }

    /// <summary>The operator fixed the key: the broker answers as before.</summary>
    public void AcceptCredentials()
    {
        if (credentialsRefused is { } mapping)
            server.DeleteMapping(mapping);
        credentialsRefused = null;
    }

    public void AnswerAccount(string status) =>
        AnswerAccount(new AlpacaAnswer(200, $$"""{"id":"{{AccountId}}","status":"{{status}}","cash":"10000.50","currency":"USD"}"""));

    public void AnswerAccount(AlpacaAnswer answer) => Answer(Request.Create().WithPath($"{accountPath}/account").UsingGet(), answer);

    /// <summary>
    /// Completes once a request configured with <see cref="AlpacaAnswer.NoAnswer"/> has arrived: the caller is
    /// now waiting on its own timeout, and only that timeout's timer is running.
    /// </summary>
    public Task RequestHeldAsync() => requestHeld.Task.WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>Stops answering: connections are refused from now on.</summary>
    public void GoOffline() => server.Stop();

    public int OrderRequests() => Received("POST", OrdersPath).Count;

    public IReadOnlyList<string> OrderRequestBodies() =>
        Received("POST", OrdersPath).Select(request => request.Body ?? "").ToList();

    public int StatusRequests(string orderId) => Received("GET", $"{OrdersPath}/{orderId}").Count;

    public int LookupRequests() => Received("GET", $"{OrdersPath}:by_client_order_id").Count;

    public int AccountRequests() => Received("GET", $"{accountPath}/account").Count;

    public int AssetRequests(Symbol symbol) => Received("GET", $"/v1/assets/{symbol}").Count;

    /// <summary>Every request and its answer, one line each, for the diagnostics of a failed scenario.</summary>
    public IReadOnlyList<string> RequestLog() =>
        server.LogEntries
            .Select(entry => $"{entry.RequestMessage.Method} {entry.RequestMessage.Url} -> {entry.ResponseMessage?.StatusCode} {entry.ResponseMessage?.BodyData?.BodyAsString}")
            .Concat(heldRequests.Select(request => $"{request.Method} {request.Url} -> (held, never answered)"))
            .ToList();

    public int TotalRequests() => server.LogEntries.Count + heldRequests.Count;

    /// <summary>The Authorization header of every request, for credential checks.</summary>
    public IReadOnlyList<string> AuthorizationHeaders() =>
        AllRequests().Select(request =>
            request.Headers is { } headers && headers.TryGetValue("Authorization", out var values) ? values[0] : "").ToList();

    public void Dispose()
    {
        released.TrySetResult();
        server.Stop();
        server.Dispose();
    }

    private void AnswerCalendar(DateOnly day, string body) =>
        Answer(Request.Create().WithPath("/v1/calendar").WithParam("start", Day(day)).WithParam("end", Day(day)).UsingGet(),
            new AlpacaAnswer(200, body));

    private void Answer(IRequestBuilder request, AlpacaAnswer answer) =>
        server.Given(request).AtPriority(--nextPriority).RespondWith(Respond(answer));

    private IResponseBuilder Respond(AlpacaAnswer answer)
    {
        if (answer.NeverAnswers)
            return Response.Create().WithCallback(async request =>
            {
                // WireMock logs a request only once answered: count held ones here.
                heldRequests.Enqueue(request);
                requestHeld.TrySetResult();
                await released.Task.ConfigureAwait(false);
                return new ResponseMessage { StatusCode = 504 };
            });
        var response = Response.Create()
            .WithStatusCode(answer.StatusCode)
            .WithHeader("Content-Type", answer.ContentType)
            .WithBody(answer.Body);
        foreach (var (name, value) in answer.Headers)
            response = response.WithHeader(name, value);
        return response;
    }

    private List<IRequestMessage> Received(string method, string path) =>
        AllRequests().Where(request => request.Method == method && request.Path == path).ToList();

    private IEnumerable<IRequestMessage> AllRequests() =>
        server.LogEntries.Select(entry => entry.RequestMessage).Concat(heldRequests);

    /// <summary>Regular hours on each weekday from the start to the end day asked for; weekends are missing, as holidays are.</summary>
    private static ResponseMessage RegularCalendar(IRequestMessage request)
    {
        DateOnly? Read(string name) =>
            request.Query?.TryGetValue(name, out var values) == true
            && DateOnly.TryParseExact(values[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
        if (Read("start") is not { } start || Read("end") is not { } end)
            return StubResponses.Message(422, new JsonObject { ["message"] = "start and end must be dates, yyyy-MM-dd" });
        var days = new JsonArray();
        for (var day = start; day <= end; day = day.AddDays(1))
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                days.Add(new JsonObject { ["date"] = Day(day), ["open"] = ScenarioDefaults.MarketOpen, ["close"] = ScenarioDefaults.MarketClose });
        return StubResponses.Message(200, days);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
