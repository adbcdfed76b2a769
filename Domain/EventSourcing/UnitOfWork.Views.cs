namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>Queries of the view tables, which a unit writes in step with the events (one row per aggregate, at its version).</summary>
public sealed partial class UnitOfWork
{
    /// <summary>The ids of a view's rows that satisfy a condition on its columns, in the given order.</summary>
    public IReadOnlyList<string> QueryViewIds(string viewTable, string condition, string orderBy)
    {
        CheckViewTable(viewTable);
        WriteViews();
        using var select = Statement($"SELECT view_id FROM {viewTable} WHERE {condition} ORDER BY {orderBy}");
        var ids = new List<string>();
        while (select.Step())
            ids.Add(select.Text(0));
        return ids;
    }

    /// <summary>
    /// The aggregates whose view rows satisfy a condition on its columns, in the given order, as of this transaction.
    /// A view row holds its aggregate's version as of this transaction (both are written together): an aggregate the
    /// cache holds at that version is that aggregate, with nothing to read, whoever else writes to the database.
    /// </summary>
    public IReadOnlyList<LoadedAggregate<TState>> QueryView<TState, TEvent>(IAggregate<TState, TEvent> aggregate, string condition, string orderBy)
        where TState : class
    {
        var viewTable = aggregate.ViewTable ?? throw new ArgumentException($"{aggregate.AggregateType} has no view table.", nameof(aggregate));
        CheckViewTable(viewTable);
        WriteViews();
        var rows = new List<(string Id, long Version)>();
        using (var select = Statement($"SELECT view_id, version FROM {viewTable} WHERE {condition} ORDER BY {orderBy}"))
        {
            while (select.Step())
                rows.Add((select.Text(0), select.Int64(1)));
        }

        var loaded = new List<LoadedAggregate<TState>>(rows.Count);
        foreach (var (id, version) in rows)
        {
            if (!book.TryGetSeen((aggregate.AggregateType, id), out _) && database.Cache.Find<TState>(aggregate.AggregateType, id) is { } cached && cached.Version == version)
            {
                book.SetSeen((aggregate.AggregateType, id), cached);
                loaded.Add(cached);
            }
            else
            {
                loaded.Add(Load(aggregate, id));
            }
        }

        return loaded;
    }

    private static void CheckViewTable(string viewTable)
    {
        if (!viewTable.EndsWith("_view", StringComparison.Ordinal) || !viewTable.All(character => char.IsAsciiLetterLower(character) || character == '_'))
            throw new ArgumentException($"'{viewTable}' is not a view table.", nameof(viewTable));
    }
}
