namespace TradingBot.Acceptance.LivingDocumentation;

/// <summary>A step as it ran in a scenario: the keyword as written and the text with the outline's values.</summary>
public sealed record CatalogExample(string Keyword, string Text, string Uri, long Line)
{
    public override string ToString() => $"{Keyword.Trim()} {Text}";
}
