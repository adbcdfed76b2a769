namespace TradingBot.Acceptance.Domain.OnChainTrades;

/// <summary>What was learnt about a fill after the fact: the gas it used and the oracle price.</summary>
public sealed record OnChainTradeEnrichment(long GasUsed, PythPrice PythPrice, DateTimeOffset EnrichedAt);
