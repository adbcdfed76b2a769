using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Positions;

namespace TradingBot.Acceptance.Domain.Hedging;

/// <summary>
/// How hedges are made: the threshold stored in new positions, and the renames applied just before a
/// broker order (the reference renamed <c>SPLG</c> to <c>SPYM</c>).
/// </summary>
public sealed record HedgingSettings(ExecutionThreshold Threshold, IReadOnlyDictionary<Symbol, Symbol> BrokerSymbols)
{
    /// <summary>The executor's own threshold (shares for Schwab and DryRun, $2 for Alpaca) and no renames.</summary>
    public static HedgingSettings ForExecutor(SupportedExecutor executor, decimal shares = 1m) =>
        new(ExecutionThreshold.ForExecutor(executor, shares), new Dictionary<Symbol, Symbol>());

    /// <summary>
    /// The configured symbols the bot hedges, besides those its vault registry discovered (§2); a queued fill
    /// of any other token is a dead letter. Null when no list is configured: every symbol is hedged.
    /// </summary>
    public IReadOnlySet<Symbol>? KnownSymbols { get; init; }

    public Symbol BrokerSymbol(Symbol symbol) => BrokerSymbols.TryGetValue(symbol, out var renamed) ? renamed : symbol;
}
