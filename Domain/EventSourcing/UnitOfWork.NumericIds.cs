using System.Globalization;

namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>Numeric aggregate ids (1, 2, 3…) allocated inside the transaction that creates the aggregate.</summary>
public sealed partial class UnitOfWork
{
    /// <summary>
    /// The next free numeric aggregate id (1, 2, 3…) of a type, e.g. the next <c>ExecutionId</c>;
    /// allocated inside the transaction that creates the aggregate, so two writers never share one.
    /// A writer reads only the events written since the database's last allocation (by rowid: events
    /// are only ever appended), not every creation event of the type, and none at all when nobody
    /// else has written since (the aggregates it created since are noted as they are appended).
    /// </summary>
    public long NextNumericId(string aggregateType)
    {
        if (!book.TryGetNumericId(aggregateType, out var known))
        {
            var cached = write ? database.Cache.FindNumericId(aggregateType) : null;
            known = cached is not null && current ? cached : ScanNumericIds(aggregateType, cached ?? new NumericIdWatermark(0, 0));
            book.SetNumericId(aggregateType, known); // enters the cache on commit
        }

        return known.MaxId + 1;
    }

    // Inside a write unit that allocated ids of this type, an id above the watermark was never created.
    private bool IsUnallocated(string aggregateType, string aggregateId) =>
        write && book.TryGetNumericId(aggregateType, out var known)
        && long.TryParse(aggregateId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > known.MaxId;

    private NumericIdWatermark ScanNumericIds(string aggregateType, NumericIdWatermark known)
    {
        long latest;
        using (var last = Statement("SELECT MAX(rowid) FROM events"))
            latest = last.ScalarInt64() ?? 0;
        using var scan = Statement("SELECT MAX(CAST(aggregate_id AS INTEGER)) FROM events WHERE rowid > ?1 AND rowid <= ?2 AND +aggregate_type = ?3 AND sequence = 1");
        var highest = scan.Bind(1, known.SeenRowId).Bind(2, latest).Bind(3, aggregateType).ScalarInt64() ?? 0;
        return new NumericIdWatermark(Math.Max(known.MaxId, highest), latest);
    }

    // An aggregate created here raises its type's id watermark, so the next allocation need not scan for it.
    private void NoteCreated(string aggregateType, string aggregateId)
    {
        if (!write || !long.TryParse(aggregateId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return;
        if (!book.TryGetNumericId(aggregateType, out var known))
        {
            if (database.Cache.FindNumericId(aggregateType) is not { } cached)
                return; // no watermark yet: the first allocation scans
            known = cached;
        }

        book.SetNumericId(aggregateType, id > known.MaxId ? known with { MaxId = id } : known);
    }
}
