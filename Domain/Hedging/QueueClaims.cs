using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OnChainTrades;

namespace TradingBot.Acceptance.Domain.Hedging;

/// <summary>
/// The queue rows that concurrent workers of one processor are turning into trades right now, and their
/// symbols. A worker takes the first row in chain order that nobody holds and whose symbol nobody holds:
/// symbols run in parallel, one symbol's fills stay in chain order (§6.1), and two workers never race
/// for the same row (the loser used to wait for the winner's lock, then find a duplicate).
/// </summary>
internal sealed class QueueClaims
{
    private readonly Lock sync = new();
    private readonly HashSet<long> rows = [];
    private readonly HashSet<Symbol> symbols = [];

    /// <summary>Claims the row unless it or (for a fill) its symbol is held; <paramref name="fill"/> is the row read as a fill.</summary>
    public bool TryClaim(QueuedEvent row, out FillValidation fill)
    {
        fill = FillEventData.Read(row.Event);
        var symbol = fill is FillValidation.Valid valid ? valid.Fill.Symbol : (Symbol?)null;
        lock (sync)
        {
            if (rows.Contains(row.Id) || (symbol is { } held && symbols.Contains(held)))
                return false;
            rows.Add(row.Id);
            if (symbol is { } claimed)
                symbols.Add(claimed);
            return true;
        }
    }

    public void Release(QueuedEvent row, FillValidation fill)
    {
        lock (sync)
        {
            rows.Remove(row.Id);
            if (fill is FillValidation.Valid valid)
                symbols.Remove(valid.Fill.Symbol);
        }
    }
}
