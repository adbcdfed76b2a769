using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Support.Parameters;

/// <summary>One or more symbols as a step names them: "AAPL", "GOOG and AMZN", "AAPL, MSFT and NVDA".</summary>
public sealed record SymbolList(IReadOnlyList<Symbol> Symbols)
{
    public override string ToString() => string.Join(", ", Symbols);
}
