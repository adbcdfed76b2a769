-- The event store: every aggregate's events, in order, plus the read views kept in the same transaction.
CREATE TABLE events (
    aggregate_type TEXT NOT NULL,
    aggregate_id TEXT NOT NULL,
    sequence INTEGER NOT NULL CHECK (sequence >= 1),
    event_type TEXT NOT NULL,
    event_version TEXT NOT NULL,
    payload TEXT NOT NULL,
    metadata TEXT NOT NULL,
    PRIMARY KEY (aggregate_type, aggregate_id, sequence)
);
CREATE INDEX idx_events_aggregate_type ON events (aggregate_type);
CREATE INDEX idx_events_aggregate_id ON events (aggregate_id);

-- Schema only: aggregates are rebuilt by replay.
CREATE TABLE snapshots (
    aggregate_type TEXT NOT NULL,
    aggregate_id TEXT NOT NULL,
    last_sequence INTEGER NOT NULL,
    payload TEXT NOT NULL,
    timestamp TEXT NOT NULL,
    PRIMARY KEY (aggregate_type, aggregate_id)
);

-- An indexed generated column is STORED: computed once when its row is written and read back from the row,
-- where a VIRTUAL one is recomputed from the JSON payload for every change to its index (old and new row).
CREATE TABLE position_view (
    view_id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    payload TEXT NOT NULL,
    symbol TEXT GENERATED ALWAYS AS (json_extract(payload, '$.Live.symbol')) VIRTUAL,
    net_position TEXT GENERATED ALWAYS AS (json_extract(payload, '$.Live.net')) VIRTUAL,
    last_updated TEXT GENERATED ALWAYS AS (json_extract(payload, '$.Live.last_updated')) STORED
);
CREATE INDEX idx_position_view_last_updated ON position_view (last_updated);

CREATE TABLE offchain_order_view (
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
CREATE INDEX idx_offchain_order_view_status ON offchain_order_view (status);

CREATE TABLE onchain_trade_view (
    view_id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    payload TEXT NOT NULL
);

-- Chain events waiting to be turned into trades; a re-delivery of the same log is dropped.
CREATE TABLE event_queue (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    tx_hash TEXT NOT NULL,
    log_index INTEGER NOT NULL CHECK (log_index >= 0),
    block_number INTEGER NOT NULL CHECK (block_number >= 0),
    event_data TEXT NOT NULL CHECK (json_valid(event_data) AND length(event_data) > 0),
    processed INTEGER NOT NULL DEFAULT 0 CHECK (processed IN (0, 1)),
    created_at TEXT NOT NULL,
    processed_at TEXT,
    block_timestamp TEXT,
    error TEXT,
    UNIQUE (tx_hash, log_index)
);
CREATE INDEX idx_event_queue_pending ON event_queue (processed, block_number, log_index);

-- The lease that reserves a symbol for one execution.
CREATE TABLE symbol_locks (
    symbol TEXT PRIMARY KEY,
    locked_at TEXT NOT NULL
);
