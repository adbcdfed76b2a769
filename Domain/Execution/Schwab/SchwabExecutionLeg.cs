namespace TradingBot.Acceptance.Domain.Execution.Schwab;

public sealed record SchwabExecutionLeg(decimal? Quantity, decimal? Price);
