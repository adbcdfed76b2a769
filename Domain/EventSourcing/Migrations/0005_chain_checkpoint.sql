-- How far the chain reader has read each orderbook's logs: a restart backfills from the block after it.
CREATE TABLE chain_checkpoint (
    orderbook TEXT PRIMARY KEY,
    block_number INTEGER NOT NULL CHECK (block_number >= 0),
    updated_at TEXT NOT NULL
);

-- Trades of our orders that cannot be hedged by design (a pair without one USDC side, no price): kept with the reason.
CREATE TABLE skipped_fills (
    tx_hash TEXT NOT NULL,
    log_index INTEGER NOT NULL CHECK (log_index >= 0),
    block_number INTEGER NOT NULL CHECK (block_number >= 0),
    reason TEXT NOT NULL,
    detail TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (tx_hash, log_index)
);
