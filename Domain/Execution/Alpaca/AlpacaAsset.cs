namespace TradingBot.Acceptance.Domain.Execution.Alpaca;

/// <summary>An asset as the Broker API returns it: only <c>active</c> and tradable ones may be ordered.</summary>
public sealed record AlpacaAsset(string? Symbol, string? Status, bool? Tradable);
