using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.OnChainTrades;

public abstract record OnChainTradeEvent
{
    private OnChainTradeEvent() { }

    public sealed record Filled(
        Symbol Symbol,
        FractionalShares Amount,
        Direction Direction,
        Usd PriceUsdc,
        long BlockNumber,
        DateTimeOffset BlockTimestamp,
        DateTimeOffset FilledAt) : OnChainTradeEvent;

    public sealed record Enriched(long GasUsed, PythPrice PythPrice, DateTimeOffset EnrichedAt) : OnChainTradeEvent;
}
