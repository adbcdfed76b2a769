using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OffchainOrders;
using TradingBot.Acceptance.Domain.Positions;

namespace TradingBot.Acceptance.Domain.Hedging;

/// <summary>Which symbols the stale cleanup looks at under their lock (docs/domain.md §6.5 and §13).</summary>
internal sealed partial class ExecutionRecorder
{
    /// <summary>
    /// The symbols with a pending execution that <see cref="CleanUpStale"/> could act on at <paramref name="now"/>,
    /// oldest <c>last_updated</c> first, found in the caller's read: those whose lease has not moved for 10 minutes
    /// or that hold none (the order's placement time then counts, looked at under the lock), and those whose order
    /// is in doubt (its cancel is sent on every tick). Almost every pending execution has a fresh lease: a locked
    /// write for each of them held the store's one writer and stalled the hedging of new fills. This is only a
    /// filter; the decision is taken again under the symbol's lock, where a lease renewed meanwhile counts.
    /// </summary>
    public IReadOnlyList<Symbol> StaleCandidates(UnitOfWork unit, DateTimeOffset now)
    {
        var leases = unit.SymbolLocks.AllLockedAt();
        var inDoubt = OffchainOrderView.FindInDoubt(unit, Orders)
            .Select(tracked => tracked.Order.Terms.Symbol.Value)
            .ToHashSet(StringComparer.Ordinal);
        return PositionView.Symbols(unit, withPendingExecution: true)
            .Where(symbol => !leases.TryGetValue(symbol, out var lockedAt) || now - lockedAt > StaleAfter || inDoubt.Contains(symbol))
            .Select(symbol => new Symbol(symbol))
            .ToList();
    }
}
