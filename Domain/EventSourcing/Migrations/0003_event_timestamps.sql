-- One stored timestamp format for every event: RFC 3339 UTC with seven fraction digits
-- (2026-11-25T15:00:00.0000000Z, fixed width, so text order is time order). The rebalancing aggregates
-- wrote their times with the trailing zeros of the fraction trimmed (2026-11-25T15:00:00Z,
-- 2026-11-25T15:00:00.5Z); each such value (every time field is named *_at) is padded in place, every
-- other byte of the payload is kept.
WITH RECURSIVE
    stale (id, path, fixed, n) AS (
        SELECT e.rowid, t.fullkey,
            substr(t.atom, 1, 19) || '.'
                || substr(CASE WHEN substr(t.atom, 20) = 'Z' THEN '' ELSE substr(t.atom, 21, length(t.atom) - 21) END || '0000000', 1, 7)
                || 'Z',
            row_number() OVER (PARTITION BY e.rowid ORDER BY t.fullkey)
        FROM events AS e, json_tree(e.payload) AS t
        WHERE e.aggregate_type IN ('TokenizedEquityMint', 'EquityRedemption', 'UsdcRebalance', 'VaultRegistry', 'InventorySnapshot')
            AND t.type = 'text' AND t.key GLOB '*_at'
            AND substr(t.atom, 1, 19) GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]'
            AND (substr(t.atom, 20) = 'Z'
                OR (substr(t.atom, 20, 1) = '.' AND substr(t.atom, -1) = 'Z' AND length(t.atom) BETWEEN 22 AND 27
                    AND substr(t.atom, 21, length(t.atom) - 21) NOT GLOB '*[^0-9]*'))),
    padded (id, payload, n) AS (
        SELECT rowid, payload, 0 FROM events WHERE rowid IN (SELECT id FROM stale)
        UNION ALL
        SELECT padded.id, json_set(padded.payload, stale.path, stale.fixed), stale.n
        FROM padded JOIN stale ON stale.id = padded.id AND stale.n = padded.n + 1)
UPDATE events
SET payload = (SELECT padded.payload FROM padded WHERE padded.id = events.rowid ORDER BY padded.n DESC LIMIT 1)
WHERE rowid IN (SELECT id FROM stale);
