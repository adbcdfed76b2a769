namespace TradingBot.Acceptance.Domain.Chain;

/// <summary>An <c>eth_getLogs</c> filter: one address, an inclusive block range and a set of topic0s (OR).</summary>
public sealed record LogFilter(string Address, long FromBlock, long ToBlock, IReadOnlyList<string> Topic0s);
