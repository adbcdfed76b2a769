using System.Text.Json.Nodes;
using WireMock;
using WireMock.ResponseBuilders;
using WireMock.Types;
using WireMock.Util;

namespace TradingBot.Acceptance.Support.Fakes;

public static class StubResponses
{
    public static IResponseBuilder Json(int status, JsonNode body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body.ToJsonString());

    public static IResponseBuilder Status(int status) => Response.Create().WithStatusCode(status);

    /// <summary>A JSON answer built by a simulator's callback from its state.</summary>
    public static ResponseMessage Message(int status, JsonNode body) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
        BodyData = new BodyData { BodyAsString = body.ToJsonString(), DetectedBodyType = BodyType.String },
    };

    /// <summary>A 200 with an empty body: an answer, but none the bot can read (a broker that stopped answering properly).</summary>
    public static ResponseMessage Empty() => new()
    {
        StatusCode = 200,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
        BodyData = new BodyData { BodyAsString = "", DetectedBodyType = BodyType.String },
    };
}
