using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.Positions;

/// <summary>Reads positions: <c>position_view</c> finds them, replay gives their state.</summary>
public sealed class PositionView(EventStoreDatabase database)
{
    private readonly PositionAggregate positions = new();

    /// <summary>The symbol's position, or <c>null</c> when no fill of it was seen.</summary>
    public Position? Load(Symbol symbol)
    {
        using var unit = database.BeginRead();
        return unit.Load(positions, symbol.Value).State;
    }

    /// <summary>Every position, oldest <c>last_updated</c> first.</summary>
    public IReadOnlyList<Position> All()
    {
        using var unit = database.BeginRead();
        return Symbols(unit, "1 = 1").Select(symbol => unit.Load(positions, symbol).State!).ToList();
    }

    /// <summary>Symbols with (or without) a pending execution, oldest <c>last_updated</c> first.</summary>
    internal static IReadOnlyList<string> Symbols(UnitOfWork unit, bool withPendingExecution) =>
        Symbols(unit, withPendingExecution
            ? "json_extract(payload, '$.Live.pending_execution_id') IS NOT NULL"
            : "json_extract(payload, '$.Live.pending_execution_id') IS NULL");

    private static IReadOnlyList<string> Symbols(UnitOfWork unit, string condition) =>
        unit.QueryViewIds("position_view", condition, "last_updated, view_id");
}
