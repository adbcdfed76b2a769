using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// The lease (<c>symbol_locks</c>) that reserves a symbol for one execution, always changed inside the
/// caller's transaction. A lease older than <see cref="Expiry"/> belongs to a crashed worker and is taken over.
/// </summary>
public sealed class SymbolLocks
{
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(15);

    private readonly UnitOfWork unit;

    internal SymbolLocks(UnitOfWork unit) => this.unit = unit;

    /// <summary>
    /// Takes the lease; <c>false</c> when someone else holds a lease younger than 15 minutes. With
    /// <paramref name="placement"/>, the lease carries that placement under way at once (<see cref="BeginPlacement"/>).
    /// </summary>
    public bool TryAcquire(Symbol symbol, DateTimeOffset now, (string Instance, DateTimeOffset Until)? placement = null)
    {
        ClearMarkerNow(symbol.Value);
        // One statement for "delete it if expired, then insert if absent": an expired lease is taken over in place.
        using var acquire = unit.Statement("""
            INSERT INTO symbol_locks (symbol, locked_at, placing_instance, placing_until) VALUES (?1, ?2, ?4, ?5)
            ON CONFLICT (symbol) DO UPDATE SET locked_at = excluded.locked_at, placing_instance = excluded.placing_instance, placing_until = excluded.placing_until
            WHERE symbol_locks.locked_at < ?3
            """);
        return acquire.Bind(1, symbol.Value).Bind(2, now).Bind(3, now - Expiry).Bind(4, placement?.Instance).Bind(5, placement?.Until).Execute() == 1;
    }

    /// <summary>Moves the lease's clock to now: the order it guards is still open.</summary>
    public void Renew(Symbol symbol, DateTimeOffset now)
    {
        using var renew = unit.Statement("UPDATE symbol_locks SET locked_at = ?2 WHERE symbol = ?1");
        renew.Bind(1, symbol.Value).Bind(2, now).Execute();
    }

    /// <summary>
    /// Marks the lease's order as being placed by this instance until the deadline: no poller, of this
    /// process or another on the same file, reconciles it before then (§6.4).
    /// </summary>
    public void BeginPlacement(Symbol symbol, string instance, DateTimeOffset until)
    {
        ClearMarkerNow(symbol.Value);
        using var mark = unit.Statement("UPDATE symbol_locks SET placing_instance = ?2, placing_until = ?3 WHERE symbol = ?1");
        mark.Bind(1, symbol.Value).Bind(2, instance).Bind(3, until).Execute();
    }

    /// <summary>
    /// The placement ended: its answer is being recorded in this unit. The marker is cleared before the unit
    /// commits, or before anything in it reads or sets the marker again; not at all when the unit releases the lease
    /// first (an order that filled at once: a statement less in most hedges).
    /// </summary>
    public void EndPlacement(Symbol symbol) => unit.Book.ClearMarkerLater(symbol.Value);

    /// <summary>Clears the markers of the placements this unit ended (<see cref="EndPlacement"/>) and still holds leases for.</summary>
    internal void ClearEndedMarkers()
    {
        foreach (var symbol in unit.Book.TakeMarkersToClear())
            ClearMarker(symbol);
    }

    /// <summary>The symbols whose order some instance is placing, its deadline not yet passed.</summary>
    public IReadOnlySet<string> PlacementsUnderWay(DateTimeOffset now)
    {
        ClearEndedMarkers();
        using var select = unit.Statement("SELECT symbol FROM symbol_locks WHERE placing_until > ?1").Bind(1, now);
        var symbols = new HashSet<string>(StringComparer.Ordinal);
        while (select.Step())
            symbols.Add(select.Text(0));
        return symbols;
    }

    /// <summary>Who is placing the symbol's order and until when, or <c>null</c> when no placement is marked.</summary>
    public (string Instance, DateTimeOffset Until)? Placement(Symbol symbol)
    {
        ClearMarkerNow(symbol.Value);
        using var select = unit.Statement("SELECT placing_instance, placing_until FROM symbol_locks WHERE symbol = ?1 AND placing_until IS NOT NULL");
        return select.Bind(1, symbol.Value).Step() ? (select.Text(0), Rfc3339.Parse(select.Text(1))) : null;
    }

    public void Release(Symbol symbol)
    {
        unit.Book.TakeMarkerToClear(symbol.Value); // the row goes, marker and all
        using var release = unit.Statement("DELETE FROM symbol_locks WHERE symbol = ?1");
        release.Bind(1, symbol.Value).Execute();
    }

    /// <summary>When each lease was taken or last renewed, by symbol: every lease in one statement.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> AllLockedAt()
    {
        using var select = unit.Statement("SELECT symbol, locked_at FROM symbol_locks");
        var leases = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        while (select.Step())
            leases[select.Text(0)] = Rfc3339.Parse(select.Text(1));
        return leases;
    }

    /// <summary>When the lease was taken or last renewed, or <c>null</c> when nobody holds it.</summary>
    public DateTimeOffset? LockedAt(Symbol symbol)
    {
        using var select = unit.Statement("SELECT locked_at FROM symbol_locks WHERE symbol = ?1");
        return select.Bind(1, symbol.Value).Step() ? Rfc3339.Parse(select.Text(0)) : null;
    }

    private void ClearMarkerNow(string symbol)
    {
        if (unit.Book.TakeMarkerToClear(symbol))
            ClearMarker(symbol);
    }

    private void ClearMarker(string symbol)
    {
        using var clear = unit.Statement("UPDATE symbol_locks SET placing_instance = NULL, placing_until = NULL WHERE symbol = ?1 AND placing_until IS NOT NULL");
        clear.Bind(1, symbol).Execute();
    }
}
