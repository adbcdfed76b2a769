-- The indexed generated columns become STORED: computed once when a row is written and read back from the
-- row, where a VIRTUAL one is recomputed from the JSON payload for every index change (on an upsert, for
-- the old row and the new). The tables keep their columns, keys and indexes.
CREATE TABLE offchain_order_view_stored (
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
        END
    ) STORED
);
INSERT INTO offchain_order_view_stored (view_id, version, payload) SELECT view_id, version, payload FROM offchain_order_view;
DROP TABLE offchain_order_view;
ALTER TABLE offchain_order_view_stored RENAME TO offchain_order_view;
CREATE INDEX idx_offchain_order_view_status ON offchain_order_view (status);

CREATE TABLE position_view_stored (
    view_id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    payload TEXT NOT NULL,
    symbol TEXT GENERATED ALWAYS AS (json_extract(payload, '$.Live.symbol')) VIRTUAL,
    net_position TEXT GENERATED ALWAYS AS (json_extract(payload, '$.Live.net')) VIRTUAL,
    last_updated TEXT GENERATED ALWAYS AS (json_extract(payload, '$.Live.last_updated')) STORED
);
INSERT INTO position_view_stored (view_id, version, payload) SELECT view_id, version, payload FROM position_view;
DROP TABLE position_view;
ALTER TABLE position_view_stored RENAME TO position_view;
CREATE INDEX idx_position_view_last_updated ON position_view (last_updated);

CREATE TABLE usdc_rebalance_view_stored (
    view_id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    payload TEXT NOT NULL,
    status TEXT GENERATED ALWAYS AS (json_extract(payload, '$.Live.status')) STORED,
    direction TEXT GENERATED ALWAYS AS (json_extract(payload, '$.Live.direction')) VIRTUAL
);
INSERT INTO usdc_rebalance_view_stored (view_id, version, payload) SELECT view_id, version, payload FROM usdc_rebalance_view;
DROP TABLE usdc_rebalance_view;
ALTER TABLE usdc_rebalance_view_stored RENAME TO usdc_rebalance_view;
CREATE INDEX idx_usdc_rebalance_view_status ON usdc_rebalance_view (status);

CREATE TABLE equity_redemption_view_stored (
    view_id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    payload TEXT NOT NULL,
    status TEXT GENERATED ALWAYS AS (json_extract(payload, '$.Live.status')) STORED,
    symbol TEXT GENERATED ALWAYS AS (json_extract(payload, '$.Live.symbol')) VIRTUAL
);
INSERT INTO equity_redemption_view_stored (view_id, version, payload) SELECT view_id, version, payload FROM equity_redemption_view;
DROP TABLE equity_redemption_view;
ALTER TABLE equity_redemption_view_stored RENAME TO equity_redemption_view;
CREATE INDEX idx_equity_redemption_view_status ON equity_redemption_view (status);
