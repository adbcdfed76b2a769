namespace TradingBot.Acceptance.LivingDocumentation;

/// <summary>A feature that uses a step, and in how many of its scenarios.</summary>
public sealed record FeatureUse(string Feature, string Uri, int Scenarios);
