namespace TradingBot.Acceptance.Domain.OnChainTrades;

/// <summary>The outcome of checking a fill's raw fields.</summary>
public abstract record FillValidation
{
    private FillValidation() { }

    public sealed record Valid(OnChainFill Fill) : FillValidation;

    public sealed record Invalid(TradeInputError Error) : FillValidation;
}
