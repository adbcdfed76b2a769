-- Active and standby (docs/postgresql.md): the leadership lease, one row. Its holder is the one instance that reads
-- the chain and places orders, until expires_at on the server's clock; term grows by one at every takeover.
CREATE TABLE leadership_lease (
    id integer PRIMARY KEY CHECK (id = 1),
    holder text COLLATE "C" NOT NULL,
    term bigint NOT NULL,
    acquired_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
);

-- Fencing: a fenced instance calls this last in each write transaction. It refuses (SQLSTATE TB001, so the
-- transaction rolls back) unless the caller holds the lease in the given term, unexpired now. The row stays
-- share-locked to the commit, so a takeover waits for that transaction to end instead of overtaking it.
CREATE FUNCTION leadership_fence(caller text, caller_term bigint) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    lease leadership_lease%ROWTYPE;
    now_ timestamptz := clock_timestamp();
BEGIN
    SELECT * INTO lease FROM leadership_lease WHERE id = 1 FOR SHARE;
    IF lease.holder IS NULL THEN
        RAISE EXCEPTION 'no instance holds the leadership lease' USING ERRCODE = 'TB001';
    ELSIF lease.holder <> caller OR lease.term <> caller_term THEN
        RAISE EXCEPTION 'the leadership lease is held by % in term %, not by % in term %', lease.holder, lease.term, caller, caller_term USING ERRCODE = 'TB001';
    ELSIF lease.expires_at <= now_ THEN
        RAISE EXCEPTION 'the leadership lease of % in term % expired at %', caller, caller_term, lease.expires_at USING ERRCODE = 'TB001';
    END IF;
END
$$;
