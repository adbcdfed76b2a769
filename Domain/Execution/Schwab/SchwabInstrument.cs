namespace TradingBot.Acceptance.Domain.Execution.Schwab;

public sealed record SchwabInstrument(string Symbol, string AssetType);
