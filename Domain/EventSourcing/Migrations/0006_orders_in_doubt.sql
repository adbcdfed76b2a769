-- Numbered 0006: 0005 keeps the chain checkpoint.
-- An order canceled at the bot's request after part of it filled ends CanceledAfterPartialFill (§13): the
-- view's status learns that word. SQLite cannot change a generated column, so the table is made anew.
CREATE TABLE offchain_order_view_0006 (
    view_id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    payload TEXT NOT NULL,
    status TEXT GENERATED ALWAYS AS (
        CASE
            WHEN json_extract(payload, '$.Live.Pending') IS NOT NULL THEN 'Pending'
            WHEN json_extract(payload, '$.Live.Submitted') IS NOT NULL THEN 'Submitted'
            WHEN json_extract(payload, '$.Live.PartiallyFilled') IS NOT NULL THEN 'PartiallyFilled'
            WHEN json_extract(payload, '$.Live.Filled') IS NOT NULL THEN 'Filled'
            WHEN json_extract(payload, '$.Live.Failed') IS NOT NULL THEN 'Failed'
            WHEN json_extract(payload, '$.Live.CanceledAfterPartialFill') IS NOT NULL THEN 'CanceledAfterPartialFill'
        END
    ) STORED
);
INSERT INTO offchain_order_view_0006 (view_id, version, payload) SELECT view_id, version, payload FROM offchain_order_view;
DROP TABLE offchain_order_view;
ALTER TABLE offchain_order_view_0006 RENAME TO offchain_order_view;
CREATE INDEX idx_offchain_order_view_status ON offchain_order_view (status);
