using System.Text.Json.Nodes;

namespace TradingBot.Acceptance.UnitTests.Conformance;

/// <summary>One envelope of a stream: its kind (<c>pickle</c>, <c>testCase</c>, …) and its body.</summary>
public sealed record KitMessage(string Kind, JsonObject Body)
{
    public string Text(string property) => Body[property]?.GetValue<string>() ?? string.Empty;
}
