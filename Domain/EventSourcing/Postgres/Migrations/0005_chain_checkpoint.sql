-- How far the chain reader has read each orderbook's logs: a restart backfills from the block after it.
CREATE TABLE chain_checkpoint (
    orderbook text COLLATE "C" PRIMARY KEY,
    block_number bigint NOT NULL CHECK (block_number >= 0),
    updated_at timestamptz NOT NULL
);

-- Trades of our orders that cannot be hedged by design (a pair without one USDC side, no price): kept with the reason.
CREATE TABLE skipped_fills (
    tx_hash text COLLATE "C" NOT NULL,
    log_index bigint NOT NULL CHECK (log_index >= 0),
    block_number bigint NOT NULL CHECK (block_number >= 0),
    reason text NOT NULL,
    detail text NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tx_hash, log_index)
);
