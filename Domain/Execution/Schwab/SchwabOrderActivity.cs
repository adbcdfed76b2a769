namespace TradingBot.Acceptance.Domain.Execution.Schwab;

/// <summary>An activity of an order; executions carry the legs that were filled.</summary>
public sealed record SchwabOrderActivity(string? ActivityType, IReadOnlyList<SchwabExecutionLeg>? ExecutionLegs);
