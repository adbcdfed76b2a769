using System.Text.Json.Nodes;
using WireMock.ResponseBuilders;

namespace TradingBot.Acceptance.Support.Fakes;

public static class StubResponses
{
    public static IResponseBuilder Json(int status, JsonNode body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body.ToJsonString());

    public static IResponseBuilder Status(int status) => Response.Create().WithStatusCode(status);
}
