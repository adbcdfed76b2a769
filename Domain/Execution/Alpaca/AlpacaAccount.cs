namespace TradingBot.Acceptance.Domain.Execution.Alpaca;

/// <summary>The trading account: it must be <c>ACTIVE</c>.</summary>
public sealed record AlpacaAccount(string? Status, string? Cash);
