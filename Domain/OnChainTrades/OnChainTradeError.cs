namespace TradingBot.Acceptance.Domain.OnChainTrades;

public abstract record OnChainTradeError
{
    private OnChainTradeError() { }

    public sealed record AlreadyFilled : OnChainTradeError;

    public sealed record NotFilled : OnChainTradeError;

    public sealed record AlreadyEnriched : OnChainTradeError;
}
