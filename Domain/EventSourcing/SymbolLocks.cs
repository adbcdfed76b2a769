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

    /// <summary>Takes the lease; <c>false</c> when someone else holds a lease younger than 15 minutes.</summary>
    public bool TryAcquire(Symbol symbol, DateTimeOffset now)
    {
        var expire = unit.Command("DELETE FROM symbol_locks WHERE symbol = $symbol AND locked_at < $cutoff");
        expire.Parameters.AddWithValue("$symbol", symbol.Value);
        expire.Parameters.AddWithValue("$cutoff", Rfc3339.Format(now - Expiry));
        expire.ExecuteNonQuery();
        var insert = unit.Command("INSERT OR IGNORE INTO symbol_locks (symbol, locked_at) VALUES ($symbol, $now)");
        insert.Parameters.AddWithValue("$symbol", symbol.Value);
        insert.Parameters.AddWithValue("$now", Rfc3339.Format(now));
        return insert.ExecuteNonQuery() == 1;
    }

    /// <summary>Moves the lease's clock to now: the order it guards is still open.</summary>
    public void Renew(Symbol symbol, DateTimeOffset now)
    {
        var renew = unit.Command("UPDATE symbol_locks SET locked_at = $now WHERE symbol = $symbol");
        renew.Parameters.AddWithValue("$symbol", symbol.Value);
        renew.Parameters.AddWithValue("$now", Rfc3339.Format(now));
        renew.ExecuteNonQuery();
    }

    public void Release(Symbol symbol)
    {
        var release = unit.Command("DELETE FROM symbol_locks WHERE symbol = $symbol");
        release.Parameters.AddWithValue("$symbol", symbol.Value);
        release.ExecuteNonQuery();
    }

    /// <summary>When the lease was taken or last renewed, or <c>null</c> when nobody holds it.</summary>
    public DateTimeOffset? LockedAt(Symbol symbol)
    {
        var select = unit.Command("SELECT locked_at FROM symbol_locks WHERE symbol = $symbol");
        select.Parameters.AddWithValue("$symbol", symbol.Value);
        return select.ExecuteScalar() is string lockedAt ? Rfc3339.Parse(lockedAt) : null;
    }
}
