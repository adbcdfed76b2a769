namespace TradingBot.Acceptance.Conformance.Samples;

public sealed record Flight(string From, string To);
