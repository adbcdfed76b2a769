namespace TradingBot.Acceptance.Domain.Finance;

/// <summary>The broker adapter kinds; the kind fixes the threshold and whether fractions may be traded.</summary>
public enum SupportedExecutor
{
    Schwab,
    AlpacaTradingApi,
    AlpacaBrokerApi,
    DryRun,
}
