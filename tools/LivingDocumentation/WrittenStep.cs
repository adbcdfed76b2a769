namespace TradingBot.Acceptance.LivingDocumentation;

/// <summary>A step as a product owner wrote it in a feature file.</summary>
public sealed record WrittenStep(string Keyword, string Text, string Uri, long Line)
{
    public override string ToString() => $"{Keyword.Trim()} {Text}";
}
