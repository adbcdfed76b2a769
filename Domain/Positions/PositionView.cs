using System.Globalization;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.Positions;

/// <summary>Reads positions: <c>position_view</c> finds them, replay gives their state.</summary>
public sealed class PositionView(EventStoreDatabase database)
{
    // Below the threshold by this fraction still passes the filter: SQLite compares the view's decimal text as
    // floating point (PostgreSQL as numeric), and a position exactly at its threshold must never be left out.
    private const string Margin = "0.999999";

    private const string PendingExecution = "json_extract(payload, '$.Live.pending_execution_id')";
    private const string NoPendingExecution = PendingExecution + " IS NULL";
    private const string Exposure = "abs(CAST(json_extract(payload, '$.Live.net') AS NUMERIC))";
    private const string LastPrice = "CAST(json_extract(payload, '$.Live.last_price_usdc') AS NUMERIC)";

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
        Symbols(unit, withPendingExecution ? PendingExecution + " IS NOT NULL" : NoPendingExecution);

    /// <summary>
    /// The symbols of the positions without a pending execution whose net may reach the threshold (inclusive, §5):
    /// their own, or <paramref name="threshold"/> for every position when given; oldest <c>last_updated</c> first.
    /// Read from the view rows alone, with no aggregate loaded: a superset of the positions <see cref="HedgeReadiness"/>
    /// finds ready (a margin covers floating-point comparison), which stays the one decision, taken on these few.
    /// </summary>
    internal static IReadOnlyList<string> MayBeReady(UnitOfWork unit, ExecutionThreshold? threshold)
    {
        var reaches = threshold switch
        {
            null => $"{Exposure} >= {Own("Shares")} * {Margin} OR {Exposure} * {LastPrice} >= {Own("DollarValue")} * {Margin}",
            ExecutionThreshold.Shares given => $"{Exposure} >= {Literal(given.Count.Value)} * {Margin}",
            ExecutionThreshold.DollarValue given => $"{Exposure} * {LastPrice} >= {Literal(given.Amount.Value)} * {Margin}",
            _ => throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "Unknown threshold."),
        };
        return Symbols(unit, $"{NoPendingExecution} AND ({reaches})");
    }

    private static string Own(string kind) => $"CAST(json_extract(payload, '$.Live.threshold.{kind}') AS NUMERIC)";

    private static string Literal(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static IReadOnlyList<string> Symbols(UnitOfWork unit, string condition) =>
        unit.QueryViewIds("position_view", condition, "last_updated, view_id");
}
