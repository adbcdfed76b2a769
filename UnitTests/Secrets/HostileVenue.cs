using System.Text.Json.Nodes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace TradingBot.Acceptance.UnitTests.Secrets;

/// <summary>
/// A venue that fails on purpose and talks too much: requests to the driven path get the configured
/// <see cref="VenueFault"/>, with every header (Authorization and the key headers) and the body of the
/// request reflected into the answer. Other requests get what the bot needs to reach the driven path: a
/// token grant with <see cref="SeededSecrets.SchwabAccessToken"/>, an active asset, an open market.
/// </summary>
public sealed class HostileVenue : IDisposable
{
    public const string TokenPath = "/v1/oauth/token";

    private readonly WireMockServer server;
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Func<string, bool> driven;
    private int spared;
    private int reached;

    /// <param name="spare">How many requests to the driven path are answered well first (a grant before the refresh that fails).</param>
    public HostileVenue(VenueFault fault, Func<string, bool> driven, int spare = 0)
    {
        Fault = fault;
        this.driven = driven;
        spared = spare;
        server = WireMockServer.Start();
        Url = new Uri(server.Url!);
        server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithCallback(request => AnswerAsync(request)));
    }

    public VenueFault Fault { get; }

    public Uri Url { get; }

    /// <summary>Requests to the driven path that got the fault (a fault nobody asked for proves nothing).</summary>
    public int FaultedRequests => Volatile.Read(ref reached);

    /// <summary>Completes once a request is held by <see cref="VenueFault.Timeout"/>: the caller now waits on its timeout.</summary>
    public Task HeldAsync() => held.Task.WaitAsync(TimeSpan.FromSeconds(10));

    public void Dispose()
    {
        released.TrySetResult();
        server.Stop();
        server.Dispose();
    }

    private async Task<IResponseMessage> AnswerAsync(IRequestMessage request)
    {
        if (!driven(request.Path) || Interlocked.Decrement(ref spared) >= 0)
            return Benign(request);
        Interlocked.Increment(ref reached);
        var echo = Echo(request);
        switch (Fault)
        {
            case VenueFault.Timeout:
                held.TrySetResult();
                await released.Task.ConfigureAwait(false);
                return Answer(504, "text/plain", "");
            case VenueFault.Unauthorized:
                return Answer(401, new JsonObject { ["message"] = "unauthorized", ["request"] = echo });
            case VenueFault.Forbidden:
                return Answer(403, new JsonObject { ["message"] = $"forbidden: {Reflected(request)}", ["request"] = echo });
            case VenueFault.EchoInMessage:
                return Answer(400, new JsonObject { ["code"] = 40010000, ["message"] = $"cannot serve {Reflected(request)}", ["request"] = echo });
            case VenueFault.EchoAsText:
                return Answer(422, "text/plain", "unprocessable request\n" + Reflected(request).Replace("; ", "\n", StringComparison.Ordinal));
            case VenueFault.ServerError:
                return Answer(500, new JsonObject { ["error"] = "internal", ["request"] = echo });
            case VenueFault.MalformedJson:
                return Answer(200, "application/json", "{\"broken\": " + Reflected(request));
            case VenueFault.WrongShapeObject:
                return Answer(200, WrongShape(request));
            case VenueFault.WrongShapeList:
                return Answer(200, new JsonArray(WrongShape(request)));
            case VenueFault.TokenWithoutExpiry:
                return Answer(200, new JsonObject
                {
                    ["access_token"] = SeededSecrets.SchwabAccessToken,
                    ["refresh_token"] = SeededSecrets.SchwabNextRefreshToken,
                    ["token_type"] = "Bearer",
                });
            default:
                throw new InvalidOperationException($"{Fault} is not answered by a server.");
        }
    }

    private static ResponseMessage Benign(IRequestMessage request)
    {
        if (request.Path == TokenPath)
            return Answer(200, new JsonObject
            {
                ["access_token"] = SeededSecrets.SchwabAccessToken,
                ["refresh_token"] = SeededSecrets.SchwabNextRefreshToken,
                ["token_type"] = "Bearer",
                ["expires_in"] = 1800,
            });
        if (request.Path.StartsWith("/v1/assets/", StringComparison.Ordinal))
            return Answer(200, new JsonObject { ["status"] = "active", ["tradable"] = true });
        var day = request.Query?.TryGetValue(request.Path == "/v1/calendar" ? "start" : "date", out var values) == true ? values[0] : "";
        if (request.Path == "/v1/calendar")
            return Answer(200, new JsonArray(new JsonObject { ["date"] = day, ["open"] = "09:30", ["close"] = "16:00" }));
        if (request.Path == "/marketdata/v1/markets/equity")
            return Answer(200, new JsonObject
            {
                ["equity"] = new JsonObject
                {
                    ["EQ"] = new JsonObject
                    {
                        ["isOpen"] = true,
                        ["sessionHours"] = new JsonObject
                        {
                            ["regularMarket"] = new JsonArray(new JsonObject { ["start"] = $"{day}T09:30:00-04:00", ["end"] = $"{day}T16:00:00-04:00" }),
                        },
                    },
                },
            });
        return Answer(404, new JsonObject { ["message"] = "not the driven path" });
    }

    /// <summary>Every field a venue answer may carry, each holding the reflected request.</summary>
    private static JsonObject WrongShape(IRequestMessage request)
    {
        var reflected = Reflected(request);
        var shape = new JsonObject();
        foreach (var field in new[]
        {
            "id", "status", "statusDescription", "filled_qty", "filled_avg_price", "qty", "type", "underlying_symbol",
            "issuer_request_id", "tokenization_request_id", "tx_hash", "address", "amount", "asset", "chain", "direction",
            "minimumFee", "message", "attestation", "cash", "tradable", "date", "open", "close", "access_token", "expires_in",
        })
            shape[field] = reflected;
        return shape;
    }

    /// <summary>
    /// The request as one line, the credentials first (as a venue complaining about them would quote them, and
    /// so that no excerpt's cut hides them): the Authorization and key headers, the body, then the rest.
    /// </summary>
    private static string Reflected(IRequestMessage request)
    {
        var headers = (request.Headers ?? new Dictionary<string, WireMockList<string>>())
            .OrderBy(header => IsCredential(header.Key) ? 0 : 1)
            .Select(header => $"{header.Key}: {string.Join(",", header.Value)}")
            .ToList();
        var credentials = headers.Where(header => IsCredential(header[..header.IndexOf(':', StringComparison.Ordinal)])).ToList();
        return string.Join("; ", [.. credentials, $"body {request.Body ?? ""}", $"{request.Method} {request.Url}", .. headers.Except(credentials)]);
    }

    private static bool IsCredential(string header) =>
        header.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || header.StartsWith("APCA-", StringComparison.OrdinalIgnoreCase);

    private static JsonObject Echo(IRequestMessage request)
    {
        var headers = new JsonObject();
        foreach (var (name, values) in request.Headers ?? new Dictionary<string, WireMockList<string>>())
            headers[name] = string.Join(",", values);
        return new JsonObject { ["method"] = request.Method, ["url"] = request.Url, ["headers"] = headers, ["body"] = request.Body ?? "" };
    }

    private static ResponseMessage Answer(int status, JsonNode body) => Answer(status, "application/json", body.ToJsonString());

    private static ResponseMessage Answer(int status, string contentType, string body) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new(contentType) },
        BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String },
    };
}
