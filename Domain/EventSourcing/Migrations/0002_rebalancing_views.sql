-- Read views of the rebalancing aggregates, kept in the same transaction as their events.
CREATE TABLE usdc_rebalance_view (
    view_id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    payload TEXT NOT NULL,
    status TEXT GENERATED ALWAYS AS (json_extract(payload, '$.Live.status')) STORED,
    direction TEXT GENERATED ALWAYS AS (json_extract(payload, '$.Live.direction')) VIRTUAL
);
CREATE INDEX idx_usdc_rebalance_view_status ON usdc_rebalance_view (status);

CREATE TABLE equity_redemption_view (
    view_id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    payload TEXT NOT NULL,
    status TEXT GENERATED ALWAYS AS (json_extract(payload, '$.Live.status')) STORED,
    symbol TEXT GENERATED ALWAYS AS (json_extract(payload, '$.Live.symbol')) VIRTUAL
);
CREATE INDEX idx_equity_redemption_view_status ON equity_redemption_view (status);

CREATE TABLE vault_registry_view (
    view_id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    payload TEXT NOT NULL
);
