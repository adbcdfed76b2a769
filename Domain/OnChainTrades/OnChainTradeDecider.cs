using OnChainTradeDecision = TradingBot.Acceptance.Domain.EventSourcing.Decision<
    TradingBot.Acceptance.Domain.OnChainTrades.OnChainTradeEvent,
    TradingBot.Acceptance.Domain.OnChainTrades.OnChainTradeError>;

namespace TradingBot.Acceptance.Domain.OnChainTrades;

public static class OnChainTradeDecider
{
    public static OnChainTradeDecision Decide(OnChainTrade? trade, OnChainTradeCommand command, DateTimeOffset now) =>
        (trade, command) switch
        {
            (null, OnChainTradeCommand.Witness witness) => new OnChainTradeDecision.Accepted(
                [new OnChainTradeEvent.Filled(witness.Symbol, witness.Amount, witness.Direction, witness.PriceUsdc, witness.BlockNumber, witness.BlockTimestamp, now)]),
            (not null, OnChainTradeCommand.Witness) => new OnChainTradeDecision.Rejected(new OnChainTradeError.AlreadyFilled()),
            (null, OnChainTradeCommand.Enrich) => new OnChainTradeDecision.Rejected(new OnChainTradeError.NotFilled()),
            ({ Enrichment: not null }, OnChainTradeCommand.Enrich) => new OnChainTradeDecision.Rejected(new OnChainTradeError.AlreadyEnriched()),
            (not null, OnChainTradeCommand.Enrich enrich) => new OnChainTradeDecision.Accepted(
                [new OnChainTradeEvent.Enriched(enrich.GasUsed, enrich.PythPrice, now)]),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown OnChainTrade command."),
        };
}
