using System.Text.Json.Nodes;
using WireMock.Server;

namespace TradingBot.Acceptance.Support.Fakes;

/// <summary>What a WireMock server received: method, path (no query) and JSON body, in arrival order.</summary>
public static class StubJournal
{
    public static IReadOnlyList<ReceivedRequest> Received(WireMockServer server) =>
        server.LogEntries
            .OrderBy(entry => entry.RequestMessage.DateTime)
            .Select(entry => new ReceivedRequest(
                entry.RequestMessage.Method,
                entry.RequestMessage.Path,
                (entry.RequestMessage.RawQuery ?? "").TrimStart('?'),
                string.IsNullOrEmpty(entry.RequestMessage.Body) ? null : JsonNode.Parse(entry.RequestMessage.Body)))
            .ToList();
}
