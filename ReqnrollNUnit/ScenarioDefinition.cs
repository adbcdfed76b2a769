using System.Collections.Specialized;
using Reqnroll;

namespace TradingBot.Acceptance.ReqnrollNUnit;

/// <summary>One pickle of a feature: what NUnit names and tags, and what Reqnroll runs.</summary>
public sealed record ScenarioDefinition(
    int PickleIndex,
    string TestName,
    string Title,
    string Description,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> InheritedTags,
    RuleInfo? Rule,
    OrderedDictionary ExampleArguments,
    IReadOnlyList<ScenarioStep> Steps,
    long Line)
{
    /// <summary>Every tag that applies, without <c>@</c>: feature, rule, scenario and examples tags.</summary>
    public IEnumerable<string> Categories => InheritedTags.Concat(Tags).Distinct(StringComparer.Ordinal);

    public bool HasTag(string tag) => Categories.Contains(tag, StringComparer.OrdinalIgnoreCase);
}
