namespace TradingBot.Acceptance.Domain.OnChainTrades;

/// <summary>A Pyth oracle price as read at the fill: <c>value × 10^expo</c> with its confidence interval.</summary>
public sealed record PythPrice(long Value, int Expo, ulong Conf, DateTimeOffset PublishTime);
