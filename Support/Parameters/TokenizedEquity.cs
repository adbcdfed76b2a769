using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Support.Parameters;

/// <summary>A tokenized equity as a step names it (tAAPL); its <see cref="Symbol"/> is the base ticker.</summary>
public readonly record struct TokenizedEquity(Symbol Symbol)
{
    public override string ToString() => Symbol.TokenSymbol;
}
