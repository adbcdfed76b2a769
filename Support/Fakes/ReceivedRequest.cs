using System.Text.Json.Nodes;

namespace TradingBot.Acceptance.Support.Fakes;

/// <summary>One request a stub received.</summary>
public sealed record ReceivedRequest(string Method, string Path, string Query, JsonNode? Body)
{
    public string Field(string name) => Body?[name]?.GetValue<string>()
        ?? throw new InvalidOperationException($"The {Method} {Path} body has no '{name}': {Body?.ToJsonString()}");
}
