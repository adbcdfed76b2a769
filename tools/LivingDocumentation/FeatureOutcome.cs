namespace TradingBot.Acceptance.LivingDocumentation;

/// <summary>How the scenarios of one feature ended in a run.</summary>
public sealed record FeatureOutcome(string Feature, int Passed, int Failed, int Skipped);
