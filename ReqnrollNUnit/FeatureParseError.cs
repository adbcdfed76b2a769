using System.Globalization;

namespace TradingBot.Acceptance.ReqnrollNUnit;

/// <summary>One problem of a feature file that is not valid Gherkin, where Gherkin's parser found it.</summary>
public sealed record FeatureParseError(string Uri, long Line, long Column, string Problem)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Uri}:{Line}:{Column}: {Problem}");
}
