-- SQLite's 0003 pads the timestamps that older rebalancing events stored with a trimmed fraction. A PostgreSQL
-- store began with the current, fixed-width form: nothing to pad. Kept so both dialects count the same versions.
SELECT 1;
