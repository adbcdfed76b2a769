using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.OnChainTrades;

/// <summary>The immutable record of one fill of our on-chain order, optionally enriched with gas and oracle data.</summary>
public sealed record OnChainTrade(
    Symbol Symbol,
    FractionalShares Amount,
    Direction Direction,
    Usd PriceUsdc,
    long BlockNumber,
    DateTimeOffset BlockTimestamp,
    DateTimeOffset FilledAt,
    OnChainTradeEnrichment? Enrichment) : ISettledState
{
    // Recorded once; the bot never reads it again (a duplicate is told by the primary key), only an enrichment appends.
    bool ISettledState.IsSettled => true;
}
