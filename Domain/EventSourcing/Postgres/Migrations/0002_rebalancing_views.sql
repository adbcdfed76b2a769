-- Read views of the rebalancing aggregates, kept in the same transaction as their events.
CREATE TABLE usdc_rebalance_view (
    view_id text COLLATE "C" PRIMARY KEY,
    version bigint NOT NULL,
    payload json NOT NULL,
    status text GENERATED ALWAYS AS (payload #>> '{Live,status}') STORED,
    direction text GENERATED ALWAYS AS (payload #>> '{Live,direction}') STORED
);
CREATE INDEX idx_usdc_rebalance_view_status ON usdc_rebalance_view (status);

CREATE TABLE equity_redemption_view (
    view_id text COLLATE "C" PRIMARY KEY,
    version bigint NOT NULL,
    payload json NOT NULL,
    status text GENERATED ALWAYS AS (payload #>> '{Live,status}') STORED,
    symbol text COLLATE "C" GENERATED ALWAYS AS (payload #>> '{Live,symbol}') STORED
);
CREATE INDEX idx_equity_redemption_view_status ON equity_redemption_view (status);

CREATE TABLE vault_registry_view (
    view_id text COLLATE "C" PRIMARY KEY,
    version bigint NOT NULL,
    payload json NOT NULL
);
