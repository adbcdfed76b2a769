using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.OnChainTrades;

public abstract record OnChainTradeCommand
{
    private OnChainTradeCommand() { }

    public sealed record Witness(
        Symbol Symbol,
        FractionalShares Amount,
        Direction Direction,
        Usd PriceUsdc,
        long BlockNumber,
        DateTimeOffset BlockTimestamp) : OnChainTradeCommand;

    public sealed record Enrich(long GasUsed, PythPrice PythPrice) : OnChainTradeCommand;
}
