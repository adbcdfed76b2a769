namespace TradingBot.Acceptance.Domain.Chain;

/// <summary>What the node pushed to a subscription: a log of the orderbook, or the number of a new head (block).</summary>
public sealed record NodePush(ChainLog? Log, long? Head);
